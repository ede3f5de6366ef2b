// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Errors.Containers;

/// <summary>
/// Error containers in the database, always scoped to this node's project (<c>nid</c>). Expired containers are
/// invisible before the janitor deletes them, so the answer does not depend on when the janitor last ran.
/// </summary>
internal sealed class ErrorContainerStore(Database database, NetworkContext network, TimeProvider clock, ErrorOptions options)
{
    public async Task<Guid> CreateAsync(JsonNode error, string? csrfTokenHash, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var cast = database.Dialect == SqlDialect.Postgres ? "CAST(@Errors AS jsonb)" : "@Errors";
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO selfservice_errors (id, nid, errors, csrf_token_hash, seen_at, expires_at, created_at, updated_at)
            VALUES (@Id, @Nid, {cast}, @CsrfTokenHash, NULL, @ExpiresAt, @Now, @Now)
            """,
            new { Id = id, Nid = network.Id, Errors = error.ToJsonString(), CsrfTokenHash = csrfTokenHash, ExpiresAt = now + options.Lifespan, Now = now },
            cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>The container if it exists in this project and has not expired.</summary>
    public async Task<ErrorContainer?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var errors = database.Dialect == SqlDialect.Postgres ? "errors::text" : "errors";
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, {errors} AS Errors, csrf_token_hash AS CsrfTokenHash, seen_at AS SeenAt,
                   expires_at AS ExpiresAt, created_at AS CreatedAt, updated_at AS UpdatedAt
            FROM selfservice_errors WHERE id = @Id AND nid = @Nid AND expires_at > @Now
            """,
            new { Id = id, Nid = network.Id, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new ErrorContainer(row.Id, JsonNode.Parse(row.Errors)!, row.CsrfTokenHash, row.SeenAt, row.ExpiresAt, row.CreatedAt, row.UpdatedAt);
    }

    /// <summary>Records the first read; later reads keep the first time.</summary>
    public async Task MarkSeenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE selfservice_errors SET seen_at = @Now, updated_at = @Now WHERE id = @Id AND nid = @Nid AND seen_at IS NULL",
            new { Id = id, Nid = network.Id, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Deletes this project's expired containers; returns how many. Safe to run on several nodes at once.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM selfservice_errors WHERE nid = @Nid AND expires_at <= @Now",
            new { Nid = network.Id, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public string Errors { get; set; } = "{}";

        public string? CsrfTokenHash { get; set; }

        public DateTimeOffset? SeenAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }
}
