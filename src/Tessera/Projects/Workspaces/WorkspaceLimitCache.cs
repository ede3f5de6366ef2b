// SPDX-License-Identifier: Apache-2.0
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
internal sealed class WorkspaceLimitCache
{
    private const int MaxEntries = 10_000;
    private readonly WorkspaceStore _workspaces;
    private readonly NetworkContext _network;
    private readonly TimeProvider _clock;
    private readonly LocalReadCache<Guid, WorkspaceLimits?> _entries;
    private long _version;

    public WorkspaceLimitCache(WorkspaceStore workspaces, NetworkContext network, TimeProvider clock)
    {
        _workspaces = workspaces;
        _network = network;
        _clock = clock;
        _entries = new(() => Interlocked.Read(ref _version), clock, MaxEntries);
    }

    /// <summary>The limits of the ambient project's workspace, or null (no workspace, or one without limits).</summary>
    public async ValueTask<WorkspaceLimits?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (!_network.IsEntered)
        {
            return null;
        }

        var nid = _network.Id;
        if (_entries.TryGet(nid, out var cached))
        {
            return cached;
        }

        var version = _entries.Version;
        var found = await _workspaces.FindRateLimitsOfProjectAsync(nid, cancellationToken);
        var limits = found is { RateLimits: { } stored } && RateLimitOptions.BindWorkspace(stored) is { Count: > 0 } buckets
            ? new WorkspaceLimits(found.Value.WorkspaceId, buckets)
            : null;
        _entries.Set(nid, limits, _clock.GetUtcNow() + ProjectRoutingOptions.CacheLifetime, version);
        return limits;
    }

    /// <summary>Drops every answer: a workspace's limits were written on this node.</summary>
    public void Forget() => Interlocked.Increment(ref _version);
}
