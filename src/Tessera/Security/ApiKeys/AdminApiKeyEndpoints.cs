// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Admin API (its own keys; Hydra's <c>/admin/keys/{set}</c> is JSON Web Keys, hence <c>api-keys</c>), admin keys only:
/// POST   /admin/api-keys        create one {name, expires_at?}: 201 with the value, shown this once
/// GET    /admin/api-keys        list them (never a value)
/// GET    /admin/api-keys/{id}   one
/// DELETE /admin/api-keys/{id}   revoke it (204; it stops working at once on this node, within 1 s on every other)
/// </summary>
internal static class AdminApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapAdminApiKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapDeploymentAdminApi();
        admin.MapPost("/admin/api-keys", CreateApiKey);
        admin.MapGet("/admin/api-keys", ListApiKeys);
        admin.MapGet("/admin/api-keys/{id:guid}", GetApiKey);
        admin.MapDelete("/admin/api-keys/{id:guid}", RevokeApiKey);
        return endpoints;
    }

    private static Task<Results<Created<CreatedApiKeyResponse>, ErrorResult>> CreateApiKey(
        HttpRequest request, ApiKeyAdministration keys, ApiKeyStore store, CancellationToken cancellationToken) =>
        keys.CreateAsync(store.AdminOwner, request, "/admin/api-keys", cancellationToken);

    private static Task<Ok<IReadOnlyList<ApiKey>>> ListApiKeys(ApiKeyAdministration keys, ApiKeyStore store, CancellationToken cancellationToken) =>
        keys.ListAsync(store.AdminOwner, cancellationToken);

    private static Task<Results<Ok<ApiKey>, ErrorResult>> GetApiKey(Guid id, ApiKeyAdministration keys, ApiKeyStore store, CancellationToken cancellationToken) =>
        keys.GetAsync(store.AdminOwner, id, cancellationToken);

    private static Task<Results<NoContent, ErrorResult>> RevokeApiKey(Guid id, ApiKeyAdministration keys, ApiKeyStore store, CancellationToken cancellationToken) =>
        keys.RevokeAsync(store.AdminOwner, id, cancellationToken);
}
