// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting.RequestBodies;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Create, list, read and revoke the keys of one <see cref="ApiKeyOwner"/>: the same handling for the admin keys
/// (<c>/admin/api-keys</c>), a project's (<c>/admin/projects/{id}/api-keys</c>) and a workspace's
/// (<c>/admin/workspaces/{id}/api-keys</c>). The caller has checked that the owner exists and that the key reaches it.
/// </summary>
internal sealed class ApiKeyAdministration(ApiKeyService keys, ApiKeyStore store, TimeProvider clock)
{
    public async Task<Results<Created<CreatedApiKeyResponse>, ErrorResult>> CreateAsync(
        ApiKeyOwner owner, HttpRequest request, string location, CancellationToken cancellationToken)
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

        var (key, value) = await keys.CreateAsync(owner, parsed.Value.Name, parsed.Value.ExpiresAt, cancellationToken);
        return TypedResults.Created($"{location}/{key.Id}", new CreatedApiKeyResponse(
            key.Id, key.Kind, key.Name, key.Hint, value, key.CreatedAt, key.ExpiresAt, key.ProjectId, key.WorkspaceId));
    }

    // ApiKey is written as it is: it holds no secret (the value is never stored, the hash is not part of it).
    public async Task<Ok<IReadOnlyList<ApiKey>>> ListAsync(ApiKeyOwner owner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(owner, cancellationToken));

    public async Task<Results<Ok<ApiKey>, ErrorResult>> GetAsync(ApiKeyOwner owner, Guid id, CancellationToken cancellationToken) =>
        await store.FindAsync(owner, id, cancellationToken) is { } key
            ? TypedResults.Ok(key)
            : NotFound(id);

    // Idempotent: revoking a revoked key answers 204 again (the conditional update keeps the first revocation time).
    public async Task<Results<NoContent, ErrorResult>> RevokeAsync(ApiKeyOwner owner, Guid id, CancellationToken cancellationToken) =>
        await store.RevokeAsync(owner, id, cancellationToken) || await store.FindAsync(owner, id, cancellationToken) is not null
            ? TypedResults.NoContent()
            : NotFound(id);

    private static ErrorResult NotFound(Guid id) =>
        new(ErrorCatalog.ApiKeyNotFound.With(new Dictionary<string, object?> { ["id"] = id }));
}
