// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using Tessera.Persistence;
using Tessera.Projects.Routing;

namespace Tessera.Projects;

/// <summary>
/// Projects as rows of <c>networks</c> (the slug is the network's unique name). Not scoped by <c>nid</c>: this is
/// the table <c>nid</c> points at, administered deployment-wide.
/// </summary>
internal sealed class ProjectStore(Database database, ProjectHostCache hosts, NetworkContext network)
{
    private const string Columns =
        "id AS Id, name AS Slug, display_name AS Name, environment AS Environment, workspace_id AS WorkspaceId, created_at AS CreatedAt";

    /// <summary>Inserts the project; false when its slug is taken (the unique name decides, whichever node wins).</summary>
    public async Task<bool> InsertAsync(Project project, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO networks (id, name, display_name, environment, workspace_id, created_at, updated_at)
                VALUES (@Id, @Slug, @Name, @Environment, @WorkspaceId, @CreatedAt, @CreatedAt)
                """,
                new { project.Id, project.Slug, project.Name, project.Environment, project.WorkspaceId, project.CreatedAt },
                cancellationToken: cancellationToken));
            hosts.Forget();
            network.ForgetIds();
            return true;
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<Project>> ListAsync(Guid? workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM networks WHERE (@WorkspaceId IS NULL OR workspace_id = @WorkspaceId) ORDER BY created_at, id",
            new { WorkspaceId = workspaceId },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToProject()).ToList();
    }

    public async Task<Project?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM networks WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToProject();
    }

    public async Task<Project?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM networks WHERE name = @Slug", new { Slug = slug }, cancellationToken: cancellationToken));
        return row?.ToProject();
    }

    /// <summary>The project an operator names: by id when <paramref name="idOrSlug"/> is a GUID, else by slug.</summary>
    public Task<Project?> FindByIdOrSlugAsync(string idOrSlug, CancellationToken cancellationToken = default) =>
        Guid.TryParse(idOrSlug, out var id) ? FindAsync(id, cancellationToken) : FindBySlugAsync(idOrSlug, cancellationToken);

    public async Task<bool> AnyInWorkspaceAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM networks WHERE workspace_id = @WorkspaceId LIMIT 1", new { WorkspaceId = workspaceId },
            cancellationToken: cancellationToken)) is not null;
    }

    /// <summary>Deletes the project and, by the foreign keys' cascade, every row it owns. Never the default project.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM networks WHERE id = @Id AND name <> @DefaultSlug",
            new { Id = id, DefaultSlug = ProjectRules.DefaultSlug },
            cancellationToken: cancellationToken)) > 0;
        hosts.Forget();
        network.ForgetIds();
        return deleted;
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public string Slug { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? Environment { get; set; }

        public Guid? WorkspaceId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        // The default network predates projects: it has no display name or environment of its own.
        public Project ToProject() => new(Id, Slug, Name ?? Slug, Environment ?? ProjectRules.DefaultEnvironment, WorkspaceId, CreatedAt);
    }
}
