// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// Hydra's key administration, on the admin listener:
/// GET  /admin/keys/{set}   getJsonWebKeySet      200 (public keys) | 404
/// POST /admin/keys/{set}   createJsonWebKeySet   201 (the new key with its private part, as Hydra answers)
/// </summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapGet("/admin/keys/{set}", GetJsonWebKeySet);
        admin.MapPost("/admin/keys/{set}", CreateJsonWebKeySet);
        return endpoints;
    }

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> GetJsonWebKeySet(
        string set, OAuth2KeyRing ring, CancellationToken cancellationToken)
    {
        var keys = await ring.SetAsync(set, cancellationToken);
        return keys.Count == 0
            ? new OAuth2ErrorResult(OAuth2Errors.Of(ErrorCatalog.OAuth2KeySetNotFound, ("set", set)))
            : TypedResults.Ok(JwkJson.Set(keys.Select(k => k.PublicJwk)));
    }

    private static async Task<Results<Created<JsonObject>, OAuth2ErrorResult>> CreateJsonWebKeySet(
        string set, HttpRequest request, OAuth2KeyRing ring, CancellationToken cancellationToken)
    {
        if (!(await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, error.EffectiveReason));
        }

        var alg = Text(body, "alg") ?? "ES256";
        var use = Text(body, "use") ?? "sig";
        if (!OAuth2KeyRing.Algorithms.Contains(alg) || use != "sig" || set.Length is 0 or > 255)
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, "alg must be ES256 or RS256 and use must be sig"));
        }

        var key = await ring.CreateAsync(set, alg, Text(body, "kid"), use, cancellationToken);
        return TypedResults.Created($"/admin/keys/{Uri.EscapeDataString(set)}", JwkJson.Set([key.PrivateJwk]));
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
