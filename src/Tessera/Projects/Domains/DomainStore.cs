// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using Tessera.Persistence;
using Tessera.Projects.Routing;

namespace Tessera.Projects.Domains;

/// <summary><c>project_domains</c>: a hostname is bound to at most one project (a unique index, whichever node wins).</summary>
internal sealed class DomainStore(Database database, ProjectHostCache hosts)
{
    private const string Columns =
        "id AS Id, nid AS ProjectId, hostname AS Hostname, state AS State, verification_token AS VerificationToken, verified_at AS VerifiedAt, created_at AS CreatedAt";

    /// <summary>Inserts the domain; false when another project (or this one) holds the hostname already.</summary>
    public async Task<bool> InsertAsync(ProjectDomain domain, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO project_domains (id, nid, hostname, state, verification_token, verified_at, created_at, updated_at)
                VALUES (@Id, @ProjectId, @Hostname, @State, @VerificationToken, NULL, @CreatedAt, @CreatedAt)
                """,
                new { domain.Id, domain.ProjectId, domain.Hostname, domain.State, domain.VerificationToken, domain.CreatedAt },
                cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ProjectDomain>> ListAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM project_domains WHERE nid = @ProjectId ORDER BY created_at, id",
            new { ProjectId = projectId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<ProjectDomain?> FindAsync(Guid projectId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM project_domains WHERE nid = @ProjectId AND id = @Id",
            new { ProjectId = projectId, Id = id }, cancellationToken: cancellationToken));
        return row?.ToDomain();
    }

    /// <summary>The project an ACTIVE domain with this hostname is bound to; a pending domain never serves.</summary>
    public async Task<Guid?> FindActiveProjectAsync(string hostname, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT nid FROM project_domains WHERE hostname = @Hostname AND state = @Active",
            new { Hostname = hostname, DomainState.Active }, cancellationToken: cancellationToken));
        return ids.Select(id => (Guid?)id).FirstOrDefault();
    }

    /// <summary>pending -> active, once (a conditional update).</summary>
    public async Task ActivateAsync(Guid projectId, Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE project_domains SET state = @Active, verified_at = @Now, updated_at = @Now WHERE nid = @ProjectId AND id = @Id AND state = @Pending",
            new { ProjectId = projectId, Id = id, Now = now, DomainState.Active, DomainState.Pending },
            cancellationToken: cancellationToken));
        hosts.Forget();
    }

    public async Task<bool> DeleteAsync(Guid projectId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM project_domains WHERE nid = @ProjectId AND id = @Id",
            new { ProjectId = projectId, Id = id }, cancellationToken: cancellationToken)) > 0;
        hosts.Forget();
        return deleted;
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public Guid ProjectId { get; set; }

        public string Hostname { get; set; } = string.Empty;

        public string State { get; set; } = string.Empty;

        public string VerificationToken { get; set; } = string.Empty;

        public DateTimeOffset? VerifiedAt { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public ProjectDomain ToDomain() => new(Id, ProjectId, Hostname, State, VerificationToken, VerifiedAt, CreatedAt);
    }
}
