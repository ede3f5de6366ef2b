// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// <c>api_keys</c>, each key scoped to its <see cref="ApiKeyOwner"/>; found by hash across the deployment (a presented
/// key says which project it opens only once it is found). Holds hashes only. <see cref="Version"/> counts this
/// node's key writes (insert, revoke), so <see cref="ApiKeyCache"/> drops what they made stale at once.
/// </summary>
internal sealed class ApiKeyStore(Database database, NetworkContext network, TimeProvider clock)
{
    private const string Columns =
        "id AS Id, nid AS Nid, workspace_id AS WorkspaceId, kind AS Kind, name AS Name, key_hint AS Hint, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, last_used_at AS LastUsedAt";

    private long _version;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>The owner of the admin keys: the default project's row.</summary>
    public ApiKeyOwner AdminOwner => new(ApiKeyKind.Admin, network.DefaultId);

    public async Task InsertAsync(ApiKeyOwner owner, ApiKey key, string keyHash, CancellationToken cancellationToken = default)
    {
        // Bumped when the write is over (finally): a reader that read the old state under the old version then sees its entry stale.
        try
        {
            await InsertRowAsync(owner, key, keyHash, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _version);
        }
    }

    private async Task InsertRowAsync(ApiKeyOwner owner, ApiKey key, string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (id, nid, workspace_id, kind, name, key_hash, key_hint, expires_at, revoked_at, last_used_at, last_used_ip, created_at, updated_at)
            VALUES (@Id, @Nid, @WorkspaceId, @Kind, @Name, @KeyHash, @Hint, @ExpiresAt, NULL, NULL, NULL, @CreatedAt, @CreatedAt)
            """,
            new
            {
                key.Id,
                Nid = owner.Kind == ApiKeyKind.Workspace ? network.DefaultId : owner.Scope,
                WorkspaceId = owner.Kind == ApiKeyKind.Workspace ? owner.Scope : (Guid?)null,
                Kind = owner.Kind.Name,
                key.Name,
                KeyHash = keyHash,
                key.Hint,
                key.ExpiresAt,
                key.CreatedAt,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(ApiKeyOwner owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE {owner.ScopeColumn} = @Scope AND kind = @Kind ORDER BY created_at, id",
            new { owner.Scope, Kind = owner.Kind.Name },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    public async Task<ApiKey?> FindAsync(ApiKeyOwner owner, Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE {owner.ScopeColumn} = @Scope AND kind = @Kind AND id = @Id",
            new { owner.Scope, Kind = owner.Kind.Name, Id = id },
            cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    /// <summary>The key whose hash this is, with the stored hash (for a constant-time comparison by the caller).</summary>
    public async Task<(ApiKey Key, string Hash)?> FindByHashAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns}, key_hash AS KeyHash FROM api_keys WHERE key_hash = @KeyHash",
            new { KeyHash = keyHash },
            cancellationToken: cancellationToken));
        return row is null ? null : (row.ToKey(), row.KeyHash);
    }

    /// <summary>
    /// Whether any key exists in the deployment, revoked ones included: once a project or workspace key exists, an
    /// admin API open to callers without a key would make its limits meaningless.
    /// </summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM api_keys LIMIT 1",
            cancellationToken: cancellationToken)) is not null;
    }

    /// <summary>Revokes a key once (a conditional update): false when it does not exist or was revoked already.</summary>
    public async Task<bool> RevokeAsync(ApiKeyOwner owner, Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE api_keys SET revoked_at = @Now, updated_at = @Now WHERE {owner.ScopeColumn} = @Scope AND kind = @Kind AND id = @Id AND revoked_at IS NULL",
                new { owner.Scope, Kind = owner.Kind.Name, Id = id, Now = now },
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
            WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @NotBefore)
            """,
            new { Id = id, Now = now, NotBefore = notBefore, Address = address },
            cancellationToken: cancellationToken));
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public Guid Nid { get; set; }

        public Guid? WorkspaceId { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Hint { get; set; } = string.Empty;

        public string KeyHash { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public DateTimeOffset? RevokedAt { get; set; }

        public DateTimeOffset? LastUsedAt { get; set; }

        public ApiKey ToKey() => new(
            Id, Kind, Name, Hint, CreatedAt, ExpiresAt, RevokedAt, LastUsedAt,
            Kind == ApiKeyKind.Project.Name ? Nid : null,
            Kind == ApiKeyKind.Workspace.Name ? WorkspaceId : null);
    }
}
