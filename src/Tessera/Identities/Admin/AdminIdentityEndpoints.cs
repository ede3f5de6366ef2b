// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.Pagination;
using Tessera.Identities.Schemas;

namespace Tessera.Identities.Admin;

/// <summary>
/// POST   /admin/identities                           CreateIdentity
/// GET    /admin/identities                           ListIdentities (Paginator; ids, credentials_identifier, preview_credentials_identifier_similar; credentials only with include_credential)
/// PATCH  /admin/identities                           BatchPatchIdentities
/// GET    /admin/identities/{id}                      GetIdentity (include_credential)
/// PUT    /admin/identities/{id}                      UpdateIdentity
/// PATCH  /admin/identities/{id}                      PatchIdentity (JSON Patch)
/// DELETE /admin/identities/{id}                      DeleteIdentity
/// DELETE /admin/identities/{id}/credentials/{type}   DeleteIdentityCredentials
/// </summary>
internal static class AdminIdentityEndpoints
{
    public const int MaxBatchSize = 1000;

    public static IEndpointRouteBuilder MapAdminIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapPost("/admin/identities", CreateIdentity);
        admin.MapGet("/admin/identities", ListIdentities);
        admin.MapPatch("/admin/identities", BatchPatchIdentities);
        admin.MapGet("/admin/identities/{id}", GetIdentity);
        admin.MapPut("/admin/identities/{id}", UpdateIdentity);
        admin.MapPatch("/admin/identities/{id}", PatchIdentity);
        admin.MapDelete("/admin/identities/{id}", DeleteIdentity);
        admin.MapDelete("/admin/identities/{id}/credentials/{type}", DeleteIdentityCredentials);
        return endpoints;
    }

    private static async Task<Results<Created<IdentityResponse>, ErrorResult>> CreateIdentity(
        HttpRequest request, IdentityManager manager, IdentityResponseFactory responses, CancellationToken cancellationToken)
    {
        var (body, error) = await AdminRequestBody.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (draft, invalid) = IdentityDraftParser.Parse(body);
        if (draft is null)
        {
            return AdminRequestBody.Malformed(invalid!);
        }

        var result = await manager.CreateAsync(draft, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/admin/identities/{result.Value.Id}", responses.Create(result.Value))
            : new ErrorResult(result.Error);
    }

    private static async Task<Results<Ok<IdentityResponse>, ErrorResult>> GetIdentity(
        string id, [FromQuery(Name = "include_credential")] string[]? includeCredential,
        IdentityStore store, IdentityResponseFactory responses, CancellationToken cancellationToken)
    {
        var identity = Guid.TryParse(id, out var guid) ? await store.GetAsync(guid, cancellationToken) : null;
        return identity is null
            ? new ErrorResult(ErrorCatalog.IdentityNotFound)
            : TypedResults.Ok(responses.Create(identity, includeCredential));
    }

    private static async Task<Results<Ok<IReadOnlyList<IdentityResponse>>, ErrorResult>> ListIdentities(
        HttpContext context, IdentityStore store, IdentityResponseFactory responses, CancellationToken cancellationToken)
    {
        if (!Paginator.Parse<IdentityListPosition>(context.Request.Query).TryGetValue(out var paging, out var pagingError))
        {
            return new ErrorResult(pagingError);
        }

        var (query, error) = IdentityListQueryParser.Parse(context.Request.Query, paging);
        if (query is null)
        {
            return AdminRequestBody.Malformed(error!);
        }

        var page = await store.ListAsync(query, cancellationToken);
        // As Kratos: the total only for the deprecated page / per_page (counting costs a scan that keyset paging avoids).
        var total = paging.IsLegacy ? await store.CountAsync(query, cancellationToken) : (long?)null;
        PageHeaders.Write(context, paging, page.NextAfter is { } after ? new IdentityListPosition(after) : null, total);
        // As Kratos: list items carry no credentials (less data exposed) unless include_credential asks for them.
        var include = context.Request.Query["include_credential"].OfType<string>().Where(t => t.Length > 0).ToArray();
        return TypedResults.Ok<IReadOnlyList<IdentityResponse>>(
            page.Items.Select(i => include.Length > 0 ? responses.Create(i, include) : responses.WithoutCredentials(i)).ToList());
    }

    private static async Task<Results<Ok<IdentityResponse>, ErrorResult>> UpdateIdentity(
        string id, HttpRequest request, IdentityManager manager, IdentityResponseFactory responses, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return new ErrorResult(ErrorCatalog.IdentityNotFound);
        }

        var (body, error) = await AdminRequestBody.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (draft, invalid) = IdentityDraftParser.Parse(body);
        if (draft is null)
        {
            return AdminRequestBody.Malformed(invalid!);
        }

        var result = await manager.UpdateAsync(guid, draft, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(responses.Create(result.Value)) : new ErrorResult(result.Error);
    }

    private static async Task<Results<Ok<IdentityResponse>, ErrorResult>> PatchIdentity(
        string id, HttpRequest request, IdentityStore store, IdentityManager manager, IdentityResponseFactory responses, CancellationToken cancellationToken)
    {
        var existing = Guid.TryParse(id, out var guid) ? await store.GetAsync(guid, cancellationToken) : null;
        if (existing is null)
        {
            return new ErrorResult(ErrorCatalog.IdentityNotFound);
        }

        var (body, error) = await AdminRequestBody.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body is not JsonArray operations)
        {
            return AdminRequestBody.Malformed("a JSON Patch body is an array of operations");
        }

        // The patch applies to the identity as stored when it is written (a concurrent update is not undone).
        var result = await manager.UpdateAsync(guid, current => ApplyPatch(current, operations), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(responses.Create(result.Value)) : new ErrorResult(result.Error);
    }

    private static DraftOrError ApplyPatch(Identity current, JsonArray operations)
    {
        var (patched, patchError) = JsonPatch.Apply(IdentityPatchDocument.From(current), operations);
        if (patched is null)
        {
            return AdminRequestBody.Malformed(patchError!).Error;
        }

        if (patched["id"]?.ToString() != current.Id.ToString())
        {
            return AdminRequestBody.Malformed("the identity's id cannot be changed").Error;
        }

        var (draft, invalid) = IdentityDraftParser.Parse(patched);
        return draft is null ? AdminRequestBody.Malformed(invalid!).Error : draft;
    }

    private static async Task<Results<NoContent, ErrorResult>> DeleteIdentity(string id, IdentityStore store, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid) && await store.DeleteAsync(guid, cancellationToken)
            ? TypedResults.NoContent()
            : new ErrorResult(ErrorCatalog.IdentityNotFound);

    private static async Task<Results<NoContent, ErrorResult>> DeleteIdentityCredentials(
        string id, string type, IdentityStore store, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid) || await store.GetAsync(guid, cancellationToken) is null)
        {
            return new ErrorResult(ErrorCatalog.IdentityNotFound);
        }

        if (type is CredentialTypes.Code or CredentialTypes.Passkey)
        {
            // As Kratos: code and passkey credentials follow the traits; deleting them here would be undone at the next update.
            return AdminRequestBody.Malformed($"{type} credentials cannot be deleted through this API");
        }

        return await store.DeleteCredentialAsync(guid, type, cancellationToken)
            ? TypedResults.NoContent()
            : new ErrorResult(new TesseraError(ErrorCatalog.IdentityCredentialNotFound, Reason: $"The identity has no credential of type {type}."));
    }

    private static async Task<Results<Ok<BatchPatchResponse>, ErrorResult>> BatchPatchIdentities(
        HttpRequest request, IdentityManager manager, CancellationToken cancellationToken)
    {
        if (request.Path.Value?.EndsWith('/') == true)
        {
            // Routing ignores a trailing slash, so PATCH /admin/identities/ (an empty id) would land here as a batch.
            return new ErrorResult(RequestErrors.Malformed("the identity id in the path is empty"));
        }

        var (body, error) = await AdminRequestBody.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body!["identities"] is not JsonArray patches)
        {
            return AdminRequestBody.Malformed("identities must be an array of patches");
        }

        if (patches.Count > MaxBatchSize)
        {
            return AdminRequestBody.Malformed($"at most {MaxBatchSize} identities per request, got {patches.Count}");
        }

        return TypedResults.Ok(await BatchPatch.RunAsync(patches, manager, cancellationToken));
    }
}
