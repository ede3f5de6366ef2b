// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// Whose budget a counter is: a project's (<c>rate_limit_counters</c>, by <c>nid</c>, so one project's traffic never
/// spends another's) or a workspace's aggregate over all of its projects (<c>workspace_rate_limit_counters</c>).
/// <see cref="Name"/> is what a 429 names as <c>details.scope</c>.
/// </summary>
internal readonly record struct RateLimitScope(string Name, Guid Id)
{
    public const string ProjectName = "project";
    public const string WorkspaceName = "workspace";

    public static RateLimitScope Project(Guid nid) => new(ProjectName, nid);

    public static RateLimitScope Workspace(Guid workspaceId) => new(WorkspaceName, workspaceId);

    public bool IsWorkspace => Name == WorkspaceName;
}
