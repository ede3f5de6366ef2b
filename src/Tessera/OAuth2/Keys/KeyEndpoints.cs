// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// Hydra's key administration, on the admin listener:
/// GET    /admin/keys/{set}         getJsonWebKeySet     200 (public keys) | 404
/// POST   /admin/keys/{set}         createJsonWebKeySet  201 (the new key with its private part, as Hydra answers)
/// PUT    /admin/keys/{set}         setJsonWebKeySet     200: the set becomes exactly the keys sent (the others retire)
/// DELETE /admin/keys/{set}         deleteJsonWebKeySet  204 | 404
/// GET    /admin/keys/{set}/{kid}   getJsonWebKey        200 | 404
/// PUT    /admin/keys/{set}/{kid}   setJsonWebKey        200: adds or replaces that key
/// DELETE /admin/keys/{set}/{kid}   deleteJsonWebKey     204 | 404
/// A change is live on this node at once and on every other within <see cref="OAuth2KeyRing.CacheLifetime"/>.
/// </summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapGet("/admin/keys/{set}", GetJsonWebKeySet);
        admin.MapPost("/admin/keys/{set}", CreateJsonWebKeySet);
        admin.MapPut("/admin/keys/{set}", SetJsonWebKeySet);
        admin.MapDelete("/admin/keys/{set}", DeleteJsonWebKeySet);
        admin.MapGet("/admin/keys/{set}/{kid}", GetJsonWebKey);
        admin.MapPut("/admin/keys/{set}/{kid}", SetJsonWebKey);
        admin.MapDelete("/admin/keys/{set}/{kid}", DeleteJsonWebKey);
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

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> GetJsonWebKey(
        string set, string kid, OAuth2KeyRing ring, CancellationToken cancellationToken) =>
        (await ring.SetAsync(set, cancellationToken)).FirstOrDefault(k => k.Kid == kid) is { } key
            ? TypedResults.Ok(JwkJson.Set([key.PublicJwk]))
            : new OAuth2ErrorResult(OAuth2Errors.Of(ErrorCatalog.OAuth2KeyNotFound, ("set", set), ("kid", kid)));

    private static async Task<Results<Created<JsonObject>, OAuth2ErrorResult>> CreateJsonWebKeySet(
        string set, HttpRequest request, OAuth2KeyRing ring, CancellationToken cancellationToken)
    {
        if (!(await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, error.EffectiveReason));
        }

        var alg = Text(body, "alg") ?? "ES256";
        var use = Text(body, "use") ?? "sig";
        if (!OAuth2KeyRing.Algorithms.Contains(alg) || use != "sig" || !ValidName(set))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, "alg must be ES256 or RS256 and use must be sig"));
        }

        var key = await ring.CreateAsync(set, alg, Text(body, "kid"), use, cancellationToken);
        return TypedResults.Created($"/admin/keys/{Uri.EscapeDataString(set)}", JwkJson.Set([key.PrivateJwk]));
    }

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> SetJsonWebKeySet(
        string set, HttpRequest request, OAuth2KeyRing ring, CancellationToken cancellationToken)
    {
        if (!(await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, error.EffectiveReason));
        }

        if (body["keys"] is not JsonArray { Count: > 0 } items || !ValidName(set))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, "keys must be a non-empty array of JSON Web Keys"));
        }

        var keys = new List<SigningKey>();
        foreach (var item in items)
        {
            var kid = item is JsonObject o ? Text(o, "kid") : null;
            if (kid is null || !ValidName(kid) || keys.Any(k => k.Kid == kid))
            {
                return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, "every key needs its own kid"));
            }

            var (key, alg, problem) = JwkImport.Read(item);
            if (key is null)
            {
                return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, problem));
            }

            key.KeyId = kid;
            var imported = ring.Imported(set, kid, alg, "sig", key);

            // The first key of the body is the preferred one: the newest, so it signs.
            keys.Add(imported with { CreatedAt = imported.CreatedAt - TimeSpan.FromMilliseconds(keys.Count) });
        }

        await ring.ImportAsync(set, keys, replaceSet: true, cancellationToken);
        return TypedResults.Ok(JwkJson.Set(keys.Select(k => k.PublicJwk)));
    }

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> SetJsonWebKey(
        string set, string kid, HttpRequest request, OAuth2KeyRing ring, CancellationToken cancellationToken)
    {
        if (!(await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, error.EffectiveReason));
        }

        if (!ValidName(set) || !ValidName(kid) || (Text(body, "kid") is { } named && named != kid))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, "the key's kid must be the one in the path"));
        }

        var (key, alg, problem) = JwkImport.Read(body);
        if (key is null)
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2KeyRequestInvalid, problem));
        }

        key.KeyId = kid;
        var imported = ring.Imported(set, kid, alg, "sig", key);
        await ring.ImportAsync(set, [imported], replaceSet: false, cancellationToken);
        return TypedResults.Ok(JwkJson.Write(imported.PublicJwk));
    }

    private static async Task<Results<NoContent, OAuth2ErrorResult>> DeleteJsonWebKeySet(
        string set, OAuth2KeyRing ring, CancellationToken cancellationToken) =>
        await ring.DeleteAsync(set, null, cancellationToken) > 0
            ? TypedResults.NoContent()
            : new OAuth2ErrorResult(OAuth2Errors.Of(ErrorCatalog.OAuth2KeySetNotFound, ("set", set)));

    private static async Task<Results<NoContent, OAuth2ErrorResult>> DeleteJsonWebKey(
        string set, string kid, OAuth2KeyRing ring, CancellationToken cancellationToken) =>
        await ring.DeleteAsync(set, kid, cancellationToken) > 0
            ? TypedResults.NoContent()
            : new OAuth2ErrorResult(OAuth2Errors.Of(ErrorCatalog.OAuth2KeyNotFound, ("set", set), ("kid", kid)));

    private static bool ValidName(string name) => name.Length is > 0 and <= 255 && !name.Any(char.IsControl);

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
