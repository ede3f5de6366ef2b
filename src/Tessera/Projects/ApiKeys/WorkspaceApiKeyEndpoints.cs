// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Projects.Workspaces;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects.ApiKeys;

/// <summary>
/// Admin API, a workspace's keys (<c>tessera_wak_</c>: the workspace, its projects, their domains and keys; never a
/// project's identities, sessions or OAuth2 admin API), for an admin key or a key of the workspace itself:
/// POST   /admin/workspaces/{id}/api-keys            create one {name, expires_at?}: 201 with the value, shown this once
/// GET    /admin/workspaces/{id}/api-keys            list them (never a value)
/// GET    /admin/workspaces/{id}/api-keys/{key}   one
/// DELETE /admin/workspaces/{id}/api-keys/{key}   revoke it (204; it stops working at once here, within 1 s on every node)
/// </summary>
internal static class WorkspaceApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceApiKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWorkspaceAdminApi(AdminRouteTarget.Workspace).MapOwnedApiKeyEndpoints(ApiKeyKind.Workspace, "Workspace", "/admin/workspaces",
            async (services, id, cancellationToken) => await services.GetRequiredService<WorkspaceStore>().FindAsync(id, cancellationToken) is not null,
            NotFound);
        return endpoints;
    }

    private static ErrorResult NotFound(Guid id) =>
        new(ErrorCatalog.WorkspaceNotFound.With(new Dictionary<string, object?> { ["id"] = id }));
}
