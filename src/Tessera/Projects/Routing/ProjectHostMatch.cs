// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Routing;

/// <summary>
/// A host that serves: <paramref name="ProjectId"/> is the project entered for it, null for the default project;
/// <paramref name="Name"/> is the project's name, which the built-in pages show (null for the default project, whose
/// pages stay as a single-project deployment has them).
/// </summary>
internal sealed record ProjectHostMatch(Guid? ProjectId, string? Name)
{
    public static readonly ProjectHostMatch DefaultProject = new(null, null);

    /// <summary>The match the request is served under (set by <see cref="ProjectRoutingMiddleware"/>); null for the default project.</summary>
    public static ProjectHostMatch? Of(HttpContext context) => context.Features.Get<ProjectHostMatch>();

    public static ProjectHostMatch For(Project project) =>
        new(project.Id, project.Slug == ProjectRules.DefaultSlug ? null : project.Name);
}
