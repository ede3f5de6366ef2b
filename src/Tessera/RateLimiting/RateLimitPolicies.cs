// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;
using Tessera.Projects.Overlays;
using Tessera.Projects.Workspaces;

namespace Tessera.RateLimiting;

/// <summary>
/// Which budgets an event of a bucket counts in, for the ambient project (<see cref="NetworkContext.Id"/>): the
/// project's own (its <c>rate_limits.buckets.*</c>; counted under its <c>nid</c>, so projects never share a budget)
/// and, when its workspace sets the bucket, the workspace's aggregate. The first one exhausted refuses.
/// </summary>
internal sealed class RateLimitPolicies(ProjectOptions<RateLimitOptions> options, NetworkContext network, WorkspaceLimitCache workspaces)
{
    /// <summary>The project's options: the file's, with the project's configuration overlay on top.</summary>
    public RateLimitOptions Project => options.Value;

    public bool Enabled => Project.Enabled;

    /// <summary>The ambient project, whose budget is counted.</summary>
    public Guid ProjectId => network.Id;

    /// <summary>The counters for <paramref name="bucket"/>, project first; empty when nothing limits it.</summary>
    public async ValueTask<IReadOnlyList<RateLimitCounter>> CountersAsync(string bucket, CancellationToken cancellationToken)
    {
        var project = Project;
        if (!project.Enabled)
        {
            return [];
        }

        var own = project[bucket];
        var counters = new List<RateLimitCounter>(2);
        if (own.Enabled)
        {
            counters.Add(new RateLimitCounter(RateLimitScope.Project(ProjectId), own));
        }

        if (await workspaces.CurrentAsync(cancellationToken) is { } workspace && workspace.Buckets.TryGetValue(bucket, out var aggregate))
        {
            counters.Add(new RateLimitCounter(RateLimitScope.Workspace(workspace.WorkspaceId), aggregate));
        }

        return counters;
    }
}
