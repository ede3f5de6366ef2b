// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Projects.Overlays;

/// <summary>
/// <c>project_config_overlays</c>: deployment-wide like <see cref="ProjectStore"/> (the row's <c>nid</c> is the
/// project it configures, named explicitly, never the ambient one).
/// </summary>
internal sealed class ProjectOverlayStore(Database database, TimeProvider clock)
{
    public async Task<ProjectOverlay> GetAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT nid AS Nid, overlay AS Overlay, version AS Version FROM project_config_overlays WHERE nid = @Nid",
            new { Nid = projectId }, cancellationToken: cancellationToken));
        return row?.ToOverlay() ?? new ProjectOverlay(projectId, [], 0);
    }

    /// <summary>Every stored overlay (one query; what each node's snapshot is refreshed from).</summary>
    public async Task<IReadOnlyList<ProjectOverlay>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT nid AS Nid, overlay AS Overlay, version AS Version FROM project_config_overlays",
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToOverlay()).ToList();
    }

    /// <summary>
    /// Writes <paramref name="values"/> as version <paramref name="readVersion"/> + 1 only if the stored version is
    /// still <paramref name="readVersion"/> (0: no row yet): one conditional statement, so a racing write makes this
    /// one return false and nothing is half-applied.
    /// </summary>
    public async Task<bool> ReplaceAsync(Guid projectId, JsonObject values, long readVersion, CancellationToken cancellationToken = default)
    {
        var sql = readVersion == 0
            ? """
              INSERT INTO project_config_overlays (nid, overlay, version, updated_at) VALUES (@Nid, @Overlay, 1, @Now)
              ON CONFLICT (nid) DO NOTHING
              """
            : """
              UPDATE project_config_overlays SET overlay = @Overlay, version = version + 1, updated_at = @Now
              WHERE nid = @Nid AND version = @ReadVersion
              """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { Nid = projectId, Overlay = values.ToJsonString(), ReadVersion = readVersion, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Nid { get; set; }

        public string Overlay { get; set; } = "{}";

        public long Version { get; set; }

        public ProjectOverlay ToOverlay() => new(Nid, JsonNode.Parse(Overlay) as JsonObject ?? [], Version);
    }
}
