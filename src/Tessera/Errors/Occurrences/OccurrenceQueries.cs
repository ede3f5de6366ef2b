// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// What the console's error dashboard reads: counts per error id and UI message id (overall, per flow kind, per
/// endpoint) over a <see cref="DashboardWindow"/>, the counts per bucket for its chart, the recent occurrences of one
/// id (the drill-down) and the flow funnel, scoped to this node's project (<c>nid</c>). A page reads through one
/// <see cref="ReadAsync"/>; each method here is one such read on its own.
/// </summary>
internal sealed class OccurrenceQueries(Database database, NetworkContext network, TimeProvider clock)
{
    /// <summary>Starts one consistent read (one snapshot, one "now") of this project's occurrences.</summary>
    public async Task<OccurrenceRead> ReadAsync(CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var transaction = await database.BeginSnapshotAsync(connection, cancellationToken);
            return new OccurrenceRead(connection, transaction, database.Dialect, network.Id, clock.GetUtcNow());
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Per id, most met first.</summary>
    public Task<IReadOnlyList<OccurrenceCount>> CountsAsync(DashboardWindow window, CancellationToken cancellationToken = default) =>
        OnceAsync(read => read.CountsAsync(window, cancellationToken), cancellationToken);

    /// <summary>Per flow kind and id (occurrences outside flows left out).</summary>
    public Task<IReadOnlyList<OccurrenceCount>> ByFlowAsync(DashboardWindow window, CancellationToken cancellationToken = default) =>
        OnceAsync(read => read.ByFlowAsync(window, cancellationToken), cancellationToken);

    /// <summary>Per endpoint (<c>POST /self-service/login</c>) and id.</summary>
    public Task<IReadOnlyList<OccurrenceCount>> ByEndpointAsync(DashboardWindow window, CancellationToken cancellationToken = default) =>
        OnceAsync(read => read.ByEndpointAsync(window, cancellationToken), cancellationToken);

    /// <summary>Occurrences per bucket of the window, oldest bucket first; of one id when <paramref name="code"/> is given.</summary>
    public Task<long[]> SeriesAsync(DashboardWindow window, string? code = null, CancellationToken cancellationToken = default) =>
        OnceAsync(read => read.SeriesAsync(window, code, cancellationToken), cancellationToken);

    /// <summary>The newest occurrences of one id, newest first.</summary>
    public Task<IReadOnlyList<ErrorOccurrence>> RecentAsync(string code, int limit, CancellationToken cancellationToken = default) =>
        OnceAsync(read => read.RecentAsync(code, limit, cancellationToken), cancellationToken);

    /// <summary>Every flow kind seen in the window: created -> submitted -> succeeded, and the failures by id.</summary>
    public Task<IReadOnlyList<FlowFunnel>> FunnelAsync(DashboardWindow window, CancellationToken cancellationToken = default) =>
        OnceAsync(read => read.FunnelAsync(window, cancellationToken), cancellationToken);

    private async Task<T> OnceAsync<T>(Func<OccurrenceRead, Task<T>> query, CancellationToken cancellationToken)
    {
        await using var read = await ReadAsync(cancellationToken);
        return await query(read);
    }
}
