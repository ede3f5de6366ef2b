// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects.ApiKeys;

/// <summary>
/// Admin API, a project's keys (<c>tessera_pat_</c>: that project's admin API and nothing else), for an admin key,
/// the project's workspace's key, or a key of the project itself:
/// POST   /admin/projects/{id}/api-keys            create one {name, expires_at?}: 201 with the value, shown this once
/// GET    /admin/projects/{id}/api-keys            list them (never a value)
/// GET    /admin/projects/{id}/api-keys/{key}   one
/// DELETE /admin/projects/{id}/api-keys/{key}   revoke it (204; it stops working at once here, within 1 s on every node)
/// </summary>
internal static class ProjectApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapProjectApiKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProjectSettingsAdminApi().MapOwnedApiKeyEndpoints(ApiKeyKind.Project, "Project", "/admin/projects",
            async (services, id, cancellationToken) => await services.GetRequiredService<ProjectStore>().FindAsync(id, cancellationToken) is not null,
            ProjectEndpoints.NotFound);
        return endpoints;
    }
}
