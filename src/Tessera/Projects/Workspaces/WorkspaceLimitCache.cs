// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Tessera.Persistence;
using Tessera.Projects.Routing;
using Tessera.RateLimiting;

namespace Tessera.Projects.Workspaces;

/// <summary>
/// Which workspace limits apply to each project, per node, for at most <see cref="ProjectRoutingOptions.CacheLifetime"/>
/// (5 s, the project host cache's bound): limits set through another node apply here within it; on this node
/// <see cref="Forget"/> applies them at once. The default project belongs to no workspace, so a single-project
/// deployment never asks.
/// </summary>
internal sealed class WorkspaceLimitCache(WorkspaceStore workspaces, NetworkContext network, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<Guid, (WorkspaceLimits? Limits, long UntilTicks, long Version)> _entries = new();
    private long _version;

    /// <summary>The limits of the ambient project's workspace, or null (no workspace, or one without limits).</summary>
    public async ValueTask<WorkspaceLimits?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (!network.IsEntered)
        {
            return null;
        }

        var nid = network.Id;
        var version = Interlocked.Read(ref _version);
        if (_entries.TryGetValue(nid, out var entry) && entry.Version == version && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
        {
            return entry.Limits;
        }

        var found = await workspaces.FindRateLimitsOfProjectAsync(nid, cancellationToken);
        var limits = found is { RateLimits: { } stored } && RateLimitOptions.BindWorkspace(stored) is { Count: > 0 } buckets
            ? new WorkspaceLimits(found.Value.WorkspaceId, buckets)
            : null;
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[nid] = (limits, (clock.GetUtcNow() + ProjectRoutingOptions.CacheLifetime).UtcTicks, version);
        return limits;
    }

    /// <summary>Drops every answer: a workspace's limits were written on this node.</summary>
    public void Forget() => Interlocked.Increment(ref _version);
}
