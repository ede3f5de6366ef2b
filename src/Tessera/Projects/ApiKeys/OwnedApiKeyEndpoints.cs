// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects.ApiKeys;

/// <summary>
/// The four key endpoints of an owner that has keys of its own (a project, a workspace), written once and
/// parameterised by the owner's kind: create and list answer the owner's not-found when it does not exist; get and
/// revoke look the key up within the owner, so another owner's key is not found either. Each endpoint keeps its
/// kind's operation name (<c>CreateProjectApiKey</c>, …) and its kind's OpenAPI tag.
/// </summary>
internal static class OwnedApiKeyEndpoints
{
    /// <param name="admin">The route group that carries the kind's admin-key requirement.</param>
    /// <param name="kind">The keys' kind (<see cref="ApiKeyKind.Project"/>, <see cref="ApiKeyKind.Workspace"/>).</param>
    /// <param name="noun">The owner in operation names: <c>Project</c> gives <c>CreateProjectApiKey</c>.</param>
    /// <param name="ownerPath">The owners' collection, e.g. <c>/admin/projects</c>; the owner's id is <c>{id}</c> under it.</param>
    /// <param name="exists">Whether the owner exists.</param>
    /// <param name="notFound">The answer when it does not.</param>
    public static void MapOwnedApiKeyEndpoints(
        this RouteGroupBuilder admin, ApiKeyKind kind, string noun, string ownerPath,
        Func<IServiceProvider, Guid, CancellationToken, Task<bool>> exists, Func<Guid, ErrorResult> notFound)
    {
        var tag = $"{noun}ApiKeyEndpoints";
        var keysPath = ownerPath + "/{id:guid}/api-keys";

        admin.MapPost(keysPath, async Task<Results<Created<CreatedApiKeyResponse>, ErrorResult>> (
                Guid id, HttpRequest request, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
                await exists(request.HttpContext.RequestServices, id, cancellationToken)
                    ? await keys.CreateAsync(new ApiKeyOwner(kind, id), request, $"{ownerPath}/{id}/api-keys", cancellationToken)
                    : notFound(id))
            .WithName($"Create{noun}ApiKey").WithTags(tag);

        admin.MapGet(keysPath, async Task<Results<Ok<IReadOnlyList<ApiKey>>, ErrorResult>> (
                Guid id, HttpContext context, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
                await exists(context.RequestServices, id, cancellationToken)
                    ? await keys.ListAsync(new ApiKeyOwner(kind, id), cancellationToken)
                    : notFound(id))
            .WithName($"List{noun}ApiKeys").WithTags(tag);

        admin.MapGet(keysPath + "/{key:guid}", (Guid id, Guid key, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
                keys.GetAsync(new ApiKeyOwner(kind, id), key, cancellationToken))
            .WithName($"Get{noun}ApiKey").WithTags(tag);

        admin.MapDelete(keysPath + "/{key:guid}", (Guid id, Guid key, ApiKeyAdministration keys, CancellationToken cancellationToken) =>
                keys.RevokeAsync(new ApiKeyOwner(kind, id), key, cancellationToken))
            .WithName($"Revoke{noun}ApiKey").WithTags(tag);
    }
}
