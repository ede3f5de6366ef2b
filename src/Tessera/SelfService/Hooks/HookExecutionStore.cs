// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.SelfService.Hooks;

/// <summary>The execution log in <c>hook_executions</c>, scoped to this node's project (<c>nid</c>).</summary>
internal sealed class HookExecutionStore(Database database, NetworkContext network, TimeProvider clock, HookLogOptions options)
{
    public async Task InsertAsync(HookExecution execution, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO hook_executions (id, nid, flow_id, identity_id, point, hook_index, url, status_code, latency_ms, attempts, outcome, error, created_at)
            VALUES (@Id, @Nid, @FlowId, @IdentityId, @Point, @HookIndex, @Url, @StatusCode, @LatencyMs, @Attempts, @Outcome, @Error, @CreatedAt)
            """,
            new
            {
                execution.Id, Nid = network.Id, execution.FlowId, execution.IdentityId, execution.Point, execution.HookIndex, execution.Url,
                execution.StatusCode, execution.LatencyMs, execution.Attempts, execution.Outcome, execution.Error, execution.CreatedAt,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Newest first, filtered by flow and/or identity.</summary>
    public async Task<IReadOnlyList<HookExecution>> ListAsync(Guid? flowId, Guid? identityId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, flow_id AS FlowId, identity_id AS IdentityId, point AS Point, hook_index AS HookIndex, url AS Url,
                   status_code AS StatusCode, latency_ms AS LatencyMs, attempts AS Attempts, outcome AS Outcome, error AS Error,
                   created_at AS CreatedAt
            FROM hook_executions
            WHERE nid = @Nid AND (@FlowId IS NULL OR flow_id = @FlowId) AND (@IdentityId IS NULL OR identity_id = @IdentityId)
            ORDER BY created_at DESC, id DESC
            LIMIT @Limit
            """,
            new { Nid = network.Id, FlowId = flowId, IdentityId = identityId, Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new HookExecution(r.Id, r.FlowId, r.IdentityId, r.Point, r.HookIndex, r.Url, r.StatusCode, r.LatencyMs,
            r.Attempts, r.Outcome, r.Error, r.CreatedAt)).ToList();
    }

    /// <summary>Deletes rows older than <c>selfservice.hooks.log_lifespan</c>; safe to run on several nodes at once.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM hook_executions WHERE nid = @Nid AND created_at <= @Cutoff",
            new { Nid = network.Id, Cutoff = clock.GetUtcNow() - options.LogLifespan },
            cancellationToken: cancellationToken));
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public Guid? FlowId { get; set; }

        public Guid? IdentityId { get; set; }

        public string Point { get; set; } = string.Empty;

        public int HookIndex { get; set; }

        public string Url { get; set; } = string.Empty;

        public int? StatusCode { get; set; }

        public long LatencyMs { get; set; }

        public int Attempts { get; set; }

        public string Outcome { get; set; } = string.Empty;

        public string? Error { get; set; }

        public DateTimeOffset CreatedAt { get; set; }
    }
}
