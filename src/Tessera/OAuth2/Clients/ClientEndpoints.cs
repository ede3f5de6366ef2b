// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.Pagination;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// Hydra's client administration, on the admin listener (admin key required when configured):
/// POST   /admin/clients                       createOAuth2Client        201
/// GET    /admin/clients                       listOAuth2Clients         200 (page_size, page_token; Link header; client_name, owner)
/// GET    /admin/clients/{id}                  getOAuth2Client           200 | 404
/// PUT    /admin/clients/{id}                  setOAuth2Client           200 | 404
/// PATCH  /admin/clients/{id}                  patchOAuth2Client         200 | 404 (RFC 6902 JSON Patch)
/// DELETE /admin/clients/{id}                  deleteOAuth2Client        204 | 404
/// POST   /admin/clients/{id}/secrets/rotate   Tessera: a new generated secret, shown once (200)
/// </summary>
internal static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapPost("/admin/clients", CreateOAuth2Client);
        admin.MapGet("/admin/clients", ListOAuth2Clients);
        admin.MapGet("/admin/clients/{id}", GetOAuth2Client);
        admin.MapPut("/admin/clients/{id}", SetOAuth2Client);
        admin.MapPatch("/admin/clients/{id}", PatchOAuth2Client);
        admin.MapDelete("/admin/clients/{id}", DeleteOAuth2Client);
        admin.MapPost("/admin/clients/{id}/secrets/rotate", RotateOAuth2ClientSecret);
        return endpoints;
    }

    private static async Task<Results<Created<JsonObject>, OAuth2ErrorResult>> CreateOAuth2Client(
        HttpRequest request, ClientRegistry registry, CancellationToken cancellationToken)
    {
        if (!(await ReadBodyAsync(request, cancellationToken)).TryGetValue(out var body, out var error)
            || !(await registry.CreateAsync(body, cancellationToken)).TryGetValue(out var saved, out error))
        {
            return new OAuth2ErrorResult(error);
        }

        return TypedResults.Created($"/admin/clients/{Uri.EscapeDataString(saved.Client.ClientId)}", saved.Client.ToResponse(saved.Secret));
    }

    private static async Task<Results<Ok<List<JsonObject>>, OAuth2ErrorResult>> ListOAuth2Clients(
        HttpContext context, ClientStore store, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!Paginator.Parse<ClientPosition>(query, legacyAllowed: false).TryGetValue(out var paging, out var error))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidRequest, error.EffectiveReason));
        }

        var page = await store.ListAsync(paging, query["client_name"], query["owner"], cancellationToken);
        PageHeaders.Write(context, paging, page.Next, total: null);
        return TypedResults.Ok(page.Items.Select(c => c.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> GetOAuth2Client(
        string id, ClientStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } client
            ? TypedResults.Ok(client.ToResponse())
            : new OAuth2ErrorResult(ClientRegistry.NotFound(id));

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> SetOAuth2Client(
        string id, HttpRequest request, ClientRegistry registry, CancellationToken cancellationToken)
    {
        if (!(await ReadBodyAsync(request, cancellationToken)).TryGetValue(out var body, out var error)
            || !(await registry.ReplaceAsync(id, body, cancellationToken)).TryGetValue(out var saved, out error))
        {
            return new OAuth2ErrorResult(error);
        }

        return TypedResults.Ok(saved.Client.ToResponse(saved.Secret));
    }

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> PatchOAuth2Client(
        string id, HttpRequest request, ClientRegistry registry, CancellationToken cancellationToken)
    {
        if (!(await ReadBodyAsync(request, cancellationToken)).TryGetValue(out var body, out var error)
            || !(await registry.PatchAsync(id, body, cancellationToken)).TryGetValue(out var saved, out error))
        {
            return new OAuth2ErrorResult(error);
        }

        return TypedResults.Ok(saved.Client.ToResponse(saved.Secret));
    }

    private static async Task<Results<NoContent, OAuth2ErrorResult>> DeleteOAuth2Client(
        string id, ClientStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : new OAuth2ErrorResult(ClientRegistry.NotFound(id));

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> RotateOAuth2ClientSecret(
        string id, ClientRegistry registry, CancellationToken cancellationToken) =>
        (await registry.RotateSecretAsync(id, cancellationToken)).TryGetValue(out var saved, out var error)
            ? TypedResults.Ok(saved.Client.ToResponse(saved.Secret))
            : new OAuth2ErrorResult(error);

    private static async Task<Result<JsonNode>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        (await RequestBodyReader.ReadJsonNodeAsync(request, cancellationToken)).TryGetValue(out var body, out var error)
            ? body
            : OAuth2Errors.Problem(ErrorCatalog.OAuth2ClientMetadataInvalid, error.EffectiveReason);
}
