// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
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
        var admin = endpoints.MapWorkspaceAdminApi(AdminRouteTarget.Workspace);
        admin.MapPost("/admin/workspaces/{id:guid}/api-keys", CreateWorkspaceApiKey);
        admin.MapGet("/admin/workspaces/{id:guid}/api-keys", ListWorkspaceApiKeys);
        admin.MapGet("/admin/workspaces/{id:guid}/api-keys/{key:guid}", GetWorkspaceApiKey);
        admin.MapDelete("/admin/workspaces/{id:guid}/api-keys/{key:guid}", RevokeWorkspaceApiKey);
        return endpoints;
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ErrorResult>> CreateWorkspaceApiKey(
        Guid id, HttpRequest request, WorkspaceStore workspaces, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        await workspaces.FindAsync(id, cancellationToken) is null
            ? NotFound(id)
            : await keys.CreateAsync(Owner(id), request, $"/admin/workspaces/{id}/api-keys", cancellationToken);

    private static async Task<Results<Ok<IReadOnlyList<ApiKey>>, ErrorResult>> ListWorkspaceApiKeys(
        Guid id, WorkspaceStore workspaces, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        await workspaces.FindAsync(id, cancellationToken) is null
            ? NotFound(id)
            : await keys.ListAsync(Owner(id), cancellationToken);

    private static Task<Results<Ok<ApiKey>, ErrorResult>> GetWorkspaceApiKey(
        Guid id, Guid key, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        keys.GetAsync(Owner(id), key, cancellationToken);

    private static Task<Results<NoContent, ErrorResult>> RevokeWorkspaceApiKey(
        Guid id, Guid key, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        keys.RevokeAsync(Owner(id), key, cancellationToken);

    private static ErrorResult NotFound(Guid id) =>
        new(ErrorCatalog.WorkspaceNotFound.With(new Dictionary<string, object?> { ["id"] = id }));

    private static ApiKeyOwner Owner(Guid workspace) => new(ApiKeyKind.Workspace, workspace);
}
