// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
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
        var admin = endpoints.MapProjectSettingsAdminApi();
        admin.MapPost("/admin/projects/{id:guid}/api-keys", CreateProjectApiKey);
        admin.MapGet("/admin/projects/{id:guid}/api-keys", ListProjectApiKeys);
        admin.MapGet("/admin/projects/{id:guid}/api-keys/{key:guid}", GetProjectApiKey);
        admin.MapDelete("/admin/projects/{id:guid}/api-keys/{key:guid}", RevokeProjectApiKey);
        return endpoints;
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ErrorResult>> CreateProjectApiKey(
        Guid id, HttpRequest request, ProjectStore projects, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        await projects.FindAsync(id, cancellationToken) is null
            ? ProjectEndpoints.NotFound(id)
            : await keys.CreateAsync(Owner(id), request, $"/admin/projects/{id}/api-keys", cancellationToken);

    private static async Task<Results<Ok<IReadOnlyList<ApiKey>>, ErrorResult>> ListProjectApiKeys(
        Guid id, ProjectStore projects, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        await projects.FindAsync(id, cancellationToken) is null
            ? ProjectEndpoints.NotFound(id)
            : await keys.ListAsync(Owner(id), cancellationToken);

    private static Task<Results<Ok<ApiKey>, ErrorResult>> GetProjectApiKey(
        Guid id, Guid key, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        keys.GetAsync(Owner(id), key, cancellationToken);

    private static Task<Results<NoContent, ErrorResult>> RevokeProjectApiKey(
        Guid id, Guid key, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        keys.RevokeAsync(Owner(id), key, cancellationToken);

    private static ApiKeyOwner Owner(Guid project) => new(ApiKeyKind.Project, project);
}
