// SPDX-License-Identifier: Apache-2.0
using Tessera.Security.ApiKeys;

namespace Tessera.Hosting;

/// <summary>
/// Every endpoint is mapped inside one of these groups, so none can forget which listener it belongs to; an
/// endpoint outside them answers on neither (fail closed).
/// </summary>
internal static class SurfaceRouteGroups
{
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder endpoints) => Group(endpoints, Surface.Public);

    /// <summary>
    /// Admin-only endpoints of one project's data (everything they read and write is scoped by <c>nid</c>), each
    /// demanding a key when <c>serve.admin.auth</c> requires one: an admin key, or that project's key (which serves its
    /// project). The group carries the requirement, so an endpoint added here later cannot forget it.
    /// </summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints) =>
        Group(endpoints, Surface.Admin).WithMetadata(AdminKeyRequiredMetadata.Instance);

    /// <summary>A project's own settings, its id the route's <c>{id}</c>: an admin key, its workspace's key or its own key.</summary>
    public static RouteGroupBuilder MapProjectSettingsAdminApi(this IEndpointRouteBuilder endpoints) =>
        Group(endpoints, Surface.Admin).WithMetadata(new AdminKeyRequiredMetadata(AdminAccess.ProjectSettings, AdminRouteTarget.Project));

    /// <summary>Workspaces, projects and domains (<paramref name="target"/>: what <c>{id}</c> names): an admin key or a workspace key within its workspace.</summary>
    public static RouteGroupBuilder MapWorkspaceAdminApi(this IEndpointRouteBuilder endpoints, AdminRouteTarget target) =>
        Group(endpoints, Surface.Admin).WithMetadata(new AdminKeyRequiredMetadata(AdminAccess.Workspace, target));

    /// <summary>The deployment's own administration (admin keys, metrics, new workspaces): admin keys only.</summary>
    public static RouteGroupBuilder MapDeploymentAdminApi(this IEndpointRouteBuilder endpoints) =>
        Group(endpoints, Surface.Admin).WithMetadata(new AdminKeyRequiredMetadata(AdminAccess.Deployment));

    /// <summary>
    /// Admin-only endpoints that stay open, as the same answers on both listeners do: Kratos's admin copies of health
    /// and version (<c>/admin/health/*</c>, <c>/admin/version</c>) and the error-container redirect.
    /// </summary>
    public static RouteGroupBuilder MapOpenAdminApi(this IEndpointRouteBuilder endpoints) => Group(endpoints, Surface.Admin);

    /// <summary>Endpoints both listeners serve, open on both: health, version, schemas, error containers.</summary>
    public static RouteGroupBuilder MapBothApis(this IEndpointRouteBuilder endpoints) => Group(endpoints, Surface.Both);

    private static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, Surface surface)
    {
        var group = endpoints.MapGroup(string.Empty);
        group.WithMetadata(new SurfaceMetadata(surface));
        return group;
    }
}
