// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Projects.Workspaces;

/// <summary><c>workspaces</c>: deployment-wide (a workspace holds projects, so it is above any <c>nid</c>).</summary>
internal sealed class WorkspaceStore(Database database)
{
    private const string Columns = "id AS Id, name AS Name, created_at AS CreatedAt, rate_limits AS RateLimits";

    public async Task InsertAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO workspaces (id, name, created_at, updated_at) VALUES (@Id, @Name, @CreatedAt, @CreatedAt)",
            new { workspace.Id, workspace.Name, workspace.CreatedAt },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Workspace>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM workspaces ORDER BY created_at, id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToWorkspace()).ToList();
    }

    public async Task<Workspace?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM workspaces WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToWorkspace();
    }

    /// <summary>Replaces the workspace's rate limits (null removes them); false when there is no such workspace.</summary>
    public async Task<bool> SetRateLimitsAsync(Guid id, JsonObject? rateLimits, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workspaces SET rate_limits = @RateLimits, updated_at = @Now WHERE id = @Id",
            new { Id = id, RateLimits = rateLimits?.ToJsonString(), Now = now },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The workspace of project <paramref name="nid"/> and its stored rate limits; null when the project has no workspace.</summary>
    public async Task<(Guid WorkspaceId, JsonObject? RateLimits)?> FindRateLimitsOfProjectAsync(Guid nid, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT w.id AS Id, w.name AS Name, w.created_at AS CreatedAt, w.rate_limits AS RateLimits FROM workspaces w JOIN networks n ON n.workspace_id = w.id WHERE n.id = @Nid",
            new { Nid = nid }, cancellationToken: cancellationToken));
        return row is null ? null : (row.Id, row.ToWorkspace().RateLimits);
    }

    /// <summary>
    /// Deletes the workspace unless a project still names it: a conditional delete (the foreign key refuses
    /// one that a project created in the same instant would orphan).
    /// </summary>
    public async Task<bool> DeleteIfEmptyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workspaces WHERE id = @Id AND NOT EXISTS (SELECT 1 FROM networks WHERE workspace_id = @Id)",
            new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public string? RateLimits { get; set; }

        public Workspace ToWorkspace() => new(Id, Name, CreatedAt, RateLimits is null ? null : JsonNode.Parse(RateLimits)?.AsObject());
    }
}
