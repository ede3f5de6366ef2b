// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// One consistent read of the occurrences of one project for a page: one connection, one read-only snapshot
/// (<see cref="Database.BeginSnapshotAsync"/>) and one "now", so a page's chart, tables and funnel count the same
/// occurrences. Every query is bounded by the window's start and served by the <c>(nid, occurred_at)</c> and
/// <c>(nid, code, occurred_at)</c> indexes. Made by <see cref="OccurrenceQueries.ReadAsync"/>.
/// </summary>
internal sealed class OccurrenceRead(DbConnection connection, DbTransaction transaction, SqlDialect dialect, Guid nid, DateTimeOffset now) : IAsyncDisposable
{
    /// <summary>The read's "now": every window ends here.</summary>
    public DateTimeOffset Now => now;

    /// <summary>Per id, most met first.</summary>
    public Task<IReadOnlyList<OccurrenceCount>> CountsAsync(DashboardWindow window, CancellationToken cancellationToken) =>
        GroupedAsync("NULL", window, cancellationToken);

    /// <summary>Per flow kind and id (occurrences outside flows left out).</summary>
    public Task<IReadOnlyList<OccurrenceCount>> ByFlowAsync(DashboardWindow window, CancellationToken cancellationToken) =>
        GroupedAsync("flow_kind", window, cancellationToken);

    /// <summary>Per endpoint (<c>POST /self-service/login</c>) and id.</summary>
    public Task<IReadOnlyList<OccurrenceCount>> ByEndpointAsync(DashboardWindow window, CancellationToken cancellationToken) =>
        GroupedAsync("endpoint", window, cancellationToken);

    /// <summary>Occurrences per bucket of the window, oldest bucket first; of one id when <paramref name="code"/> is given.</summary>
    public async Task<long[]> SeriesAsync(DashboardWindow window, string? code, CancellationToken cancellationToken)
    {
        var since = Since(window);
        var bucket = dialect == SqlDialect.Postgres
            ? "CAST(FLOOR(EXTRACT(EPOCH FROM (occurred_at - @Since)) / @BucketSeconds) AS BIGINT)"
            : "CAST((julianday(occurred_at) - julianday(@Since)) * 86400.0 / @BucketSeconds AS INTEGER)";
        var rows = await connection.QueryAsync<BucketRow>(new CommandDefinition(
            $"""
            SELECT {bucket} AS Bucket, COUNT(*) AS Count FROM error_occurrences
            WHERE nid = @Nid AND occurred_at >= @Since AND (@Code IS NULL OR code = @Code)
            GROUP BY {bucket}
            """,
            new { Nid = nid, Since = since, BucketSeconds = window.BucketLength.TotalSeconds, Code = code },
            transaction, cancellationToken: cancellationToken));
        var series = new long[window.Buckets];
        foreach (var row in rows)
        {
            series[Math.Clamp(row.Bucket, 0, window.Buckets - 1)] += row.Count;
        }

        return series;
    }

    /// <summary>The newest occurrences of one id, newest first (the drill-down: request id, time, flow).</summary>
    public async Task<IReadOnlyList<ErrorOccurrence>> RecentAsync(string code, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<OccurrenceRow>(new CommandDefinition(
            """
            SELECT occurred_at AS OccurredAt, kind AS Kind, code AS Code, status AS Status, flow_kind AS FlowKind, flow_id AS FlowId,
                   endpoint AS Endpoint, request_id AS RequestId
            FROM error_occurrences WHERE nid = @Nid AND code = @Code
            ORDER BY occurred_at DESC, id DESC
            LIMIT @Limit
            """,
            new { Nid = nid, Code = code, Limit = limit },
            transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new ErrorOccurrence(r.OccurredAt, r.Kind, r.Code, r.Status, r.FlowKind,
            Guid.TryParse(r.FlowId, out var flow) ? flow : null, r.Endpoint, r.RequestId)).ToList();
    }

    /// <summary>Every flow kind seen in the window: created -> submitted -> succeeded, and the failures by id.</summary>
    public async Task<IReadOnlyList<FlowFunnel>> FunnelAsync(DashboardWindow window, CancellationToken cancellationToken)
    {
        var parameters = new { Nid = nid, Since = Since(window) };
        var steps = (await connection.QueryAsync<StepRow>(new CommandDefinition(
            """
            SELECT flow_kind AS FlowKind, step AS Step, COUNT(DISTINCT flow_id) AS Flows FROM flow_funnel_steps
            WHERE nid = @Nid AND occurred_at >= @Since GROUP BY flow_kind, step
            """,
            parameters, transaction, cancellationToken: cancellationToken))).ToList();
        steps.AddRange(await connection.QueryAsync<StepRow>(new CommandDefinition(
            $"""
            SELECT flow_kind AS FlowKind, '{FunnelSteps.Created}' AS Step, CAST(SUM(flows) AS BIGINT) AS Flows FROM flow_funnel_created
            WHERE nid = @Nid AND minute >= @SinceMinute GROUP BY flow_kind
            """,
            new { parameters.Nid, SinceMinute = OccurrenceStore.MinuteOf(parameters.Since) }, transaction, cancellationToken: cancellationToken)));
        var failures = (await connection.QueryAsync<FailureRow>(new CommandDefinition(
            """
            SELECT flow_kind AS FlowKind, error_id AS ErrorId, COUNT(*) AS Count FROM flow_funnel_steps
            WHERE nid = @Nid AND occurred_at >= @Since AND step = 'failed' AND error_id IS NOT NULL GROUP BY flow_kind, error_id
            """,
            parameters, transaction, cancellationToken: cancellationToken))).ToList();
        return steps.Select(s => s.FlowKind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(kind =>
        {
            long Of(string step) => steps.FirstOrDefault(s => s.FlowKind == kind && s.Step == step)?.Flows ?? 0;
            var failed = failures.Where(f => f.FlowKind == kind).OrderByDescending(f => f.Count).ThenBy(f => f.ErrorId, StringComparer.Ordinal)
                .Select(f => new FunnelFailure(f.ErrorId, f.Count)).ToList();
            return new FlowFunnel(kind, Of(FunnelSteps.Created), Of(FunnelSteps.Submitted), Of(FunnelSteps.Succeeded), Of(FunnelSteps.Failed), failed);
        }).ToList();
    }

    private DateTimeOffset Since(DashboardWindow window) => now - window.Length;

    private async Task<IReadOnlyList<OccurrenceCount>> GroupedAsync(string group, DashboardWindow window, CancellationToken cancellationToken)
    {
        var grouped = group != "NULL";
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(
            $"""
            SELECT {group} AS GroupName, kind AS Kind, code AS Code, COUNT(*) AS Count FROM error_occurrences
            WHERE nid = @Nid AND occurred_at >= @Since{(grouped ? $" AND {group} IS NOT NULL" : string.Empty)}
            GROUP BY {(grouped ? $"{group}, " : string.Empty)}kind, code
            ORDER BY COUNT(*) DESC, code
            LIMIT 500
            """,
            new { Nid = nid, Since = Since(window) },
            transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new OccurrenceCount(r.GroupName, r.Kind, r.Code, r.Count)).ToList();
    }

    // Settable properties rather than constructors: Dapper applies the dialect type handlers to properties.
    private sealed class CountRow
    {
        public string? GroupName { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;

        public long Count { get; set; }
    }

    private sealed class BucketRow
    {
        public long Bucket { get; set; }

        public long Count { get; set; }
    }

    private sealed class StepRow
    {
        public string FlowKind { get; set; } = string.Empty;

        public string Step { get; set; } = string.Empty;

        public long Flows { get; set; }
    }

    private sealed class FailureRow
    {
        public string FlowKind { get; set; } = string.Empty;

        public string ErrorId { get; set; } = string.Empty;

        public long Count { get; set; }
    }

    private sealed class OccurrenceRow
    {
        public DateTimeOffset OccurredAt { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;

        public int? Status { get; set; }

        public string? FlowKind { get; set; }

        public string? FlowId { get; set; }

        public string? Endpoint { get; set; }

        public string? RequestId { get; set; }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
