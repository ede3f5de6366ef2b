// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OperatorConsole;

/// <summary><c>console_sessions</c>, scoped to this node's project (<c>nid</c>). Holds token hashes only.</summary>
internal sealed class ConsoleSessionStore(Database database, NetworkContext network, TimeProvider clock)
{
    public async Task InsertAsync(Guid id, string tokenHash, Guid? apiKeyId, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO console_sessions (id, nid, token_hash, api_key_id, created_at, expires_at)
            VALUES (@Id, @Nid, @TokenHash, @ApiKeyId, @CreatedAt, @ExpiresAt)
            """,
            new { Id = id, Nid = network.Id, TokenHash = tokenHash, ApiKeyId = apiKeyId, CreatedAt = createdAt, ExpiresAt = expiresAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>The unexpired session with this token hash, with the stored hash for a constant-time comparison.</summary>
    public async Task<Row?> FindAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, token_hash AS TokenHash, api_key_id AS ApiKeyId, expires_at AS ExpiresAt
            FROM console_sessions WHERE nid = @Nid AND token_hash = @TokenHash AND expires_at > @Now
            """,
            new { Nid = network.Id, TokenHash = tokenHash, Now = now },
            cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM console_sessions WHERE nid = @Nid AND id = @Id",
            new { Nid = network.Id, Id = id },
            cancellationToken: cancellationToken));
    }

    /// <summary>The cleanup pass: expired console sessions, every project's.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM console_sessions WHERE expires_at <= @Now",
            new { Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    // A settable class, as Dapper's type handlers (SQLite's text GUIDs and times) apply to properties.
    internal sealed class Row
    {
        public Guid Id { get; set; }

        public string TokenHash { get; set; } = string.Empty;

        public Guid? ApiKeyId { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }
    }
}
