// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// <c>api_keys</c>, scoped to this node's project (<c>nid</c>). Holds hashes only. <see cref="Version"/> counts this
/// node's key writes (insert, revoke), so <see cref="ApiKeyCache"/> drops what they made stale at once.
/// </summary>
internal sealed class ApiKeyStore(Database database, NetworkContext network, TimeProvider clock)
{
    private const string Columns =
        "id AS Id, kind AS Kind, name AS Name, key_hint AS Hint, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, last_used_at AS LastUsedAt";

    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public async Task InsertAsync(ApiKey key, string keyHash, CancellationToken cancellationToken = default)
    {
        // Bumped when the write is over (finally): a reader that read the old state under the old version then sees its entry stale.
        try
        {
            await InsertRowAsync(key, keyHash, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _version);
        }
    }

    private async Task InsertRowAsync(ApiKey key, string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (id, nid, kind, name, key_hash, key_hint, expires_at, revoked_at, last_used_at, last_used_ip, created_at, updated_at)
            VALUES (@Id, @Nid, @Kind, @Name, @KeyHash, @Hint, @ExpiresAt, NULL, NULL, NULL, @CreatedAt, @CreatedAt)
            """,
            new { key.Id, Nid = network.Id, key.Kind, key.Name, KeyHash = keyHash, key.Hint, key.ExpiresAt, key.CreatedAt },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE nid = @Nid AND kind = @Kind ORDER BY created_at, id",
            new { Nid = network.Id, Kind = kind },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    public async Task<ApiKey?> FindAsync(string kind, Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE nid = @Nid AND kind = @Kind AND id = @Id",
            new { Nid = network.Id, Kind = kind, Id = id },
            cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    /// <summary>The key whose hash this is, with the stored hash (for a constant-time comparison by the caller).</summary>
    public async Task<(ApiKey Key, string Hash)?> FindByHashAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, key_hash AS KeyHash FROM api_keys WHERE nid = @Nid AND key_hash = @KeyHash",
            new { Nid = network.Id, KeyHash = keyHash },
            cancellationToken: cancellationToken));
        return row is null ? null : (row.ToKey(), row.KeyHash);
    }

    /// <summary>Whether a key of this kind was ever created here, revoked ones included.</summary>
    public async Task<bool> AnyAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM api_keys WHERE nid = @Nid AND kind = @Kind LIMIT 1",
            new { Nid = network.Id, Kind = kind },
            cancellationToken: cancellationToken)) is not null;
    }

    /// <summary>Revokes a key once (a conditional update): false when it does not exist or was revoked already.</summary>
    public async Task<bool> RevokeAsync(string kind, Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET revoked_at = @Now, updated_at = @Now WHERE nid = @Nid AND kind = @Kind AND id = @Id AND revoked_at IS NULL",
                new { Nid = network.Id, Kind = kind, Id = id, Now = now },
                cancellationToken: cancellationToken)) > 0;
        }
        finally
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Records a use, unless one was recorded after <paramref name="notBefore"/> (one write per window, whichever node wins).</summary>
    public async Task TouchAsync(Guid id, DateTimeOffset now, DateTimeOffset notBefore, string? address, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE api_keys SET last_used_at = @Now, last_used_ip = @Address
            WHERE nid = @Nid AND id = @Id AND (last_used_at IS NULL OR last_used_at < @NotBefore)
            """,
            new { Nid = network.Id, Id = id, Now = now, NotBefore = notBefore, Address = address },
            cancellationToken: cancellationToken));
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Hint { get; set; } = string.Empty;

        public string KeyHash { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public DateTimeOffset? RevokedAt { get; set; }

        public DateTimeOffset? LastUsedAt { get; set; }

        public ApiKey ToKey() => new(Id, Kind, Name, Hint, CreatedAt, ExpiresAt, RevokedAt, LastUsedAt);
    }
}
