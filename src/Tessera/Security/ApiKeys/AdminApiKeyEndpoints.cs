// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Admin API (its own keys; Hydra's <c>/admin/keys/{set}</c> is JSON Web Keys, hence <c>api-keys</c>):
/// POST   /admin/api-keys        create one {name, expires_at?}: 201 with the value, shown this once
/// GET    /admin/api-keys        list them (never a value)
/// GET    /admin/api-keys/{id}   one
/// DELETE /admin/api-keys/{id}   revoke it (204; it stops working at once on this node, within 1 s on every other)
/// </summary>
internal static class AdminApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapAdminApiKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapPost("/admin/api-keys", CreateApiKey);
        admin.MapGet("/admin/api-keys", ListApiKeys);
        admin.MapGet("/admin/api-keys/{id:guid}", GetApiKey);
        admin.MapDelete("/admin/api-keys/{id:guid}", RevokeApiKey);
        return endpoints;
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ErrorResult>> CreateApiKey(
        HttpRequest request, ApiKeyService keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        var parsed = ApiKeyRequestParser.Parse(body.Value, clock.GetUtcNow());
        if (!parsed.Succeeded)
        {
            return new ErrorResult(parsed.Error);
        }

        var (key, value) = await keys.CreateAsync(ApiKeyKind.Admin, parsed.Value.Name, parsed.Value.ExpiresAt, cancellationToken);
        return TypedResults.Created($"/admin/api-keys/{key.Id}",
            new CreatedApiKeyResponse(key.Id, key.Kind, key.Name, key.Hint, value, key.CreatedAt, key.ExpiresAt));
    }

    // ApiKey is written as it is: it holds no secret (the value is never stored, the hash is not part of it).
    private static async Task<Ok<IReadOnlyList<ApiKey>>> ListApiKeys(ApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(ApiKeyKind.Admin.Name, cancellationToken));

    private static async Task<Results<Ok<ApiKey>, ErrorResult>> GetApiKey(Guid id, ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(ApiKeyKind.Admin.Name, id, cancellationToken) is { } key
            ? TypedResults.Ok(key)
            : NotFound(id);

    // Idempotent: revoking a revoked key answers 204 again (the conditional update keeps the first revocation time).
    private static async Task<Results<NoContent, ErrorResult>> RevokeApiKey(Guid id, ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(ApiKeyKind.Admin.Name, id, cancellationToken) || await store.FindAsync(ApiKeyKind.Admin.Name, id, cancellationToken) is not null
            ? TypedResults.NoContent()
            : NotFound(id);

    private static ErrorResult NotFound(Guid id) =>
        new(ErrorCatalog.ApiKeyNotFound.With(new Dictionary<string, object?> { ["id"] = id }));
}
