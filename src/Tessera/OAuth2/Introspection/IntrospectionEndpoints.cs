// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.OAuth2.Tokens;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Introspection;

/// <summary>
/// POST /admin/oauth2/introspect   introspectOAuth2Token (admin listener, admin key when required; RFC 7662).
/// A body without <c>token</c> (empty, not a form, or the parameter missing) is 400 invalid_request naming it (seed
/// row C2); any token that is not active (unknown, expired, revoked, lacking a requested scope) is 200
/// <c>{"active": false}</c> and nothing more, so the answer reveals nothing about tokens it does not vouch for.
/// </summary>
internal static class IntrospectionEndpoints
{
    public static IEndpointRouteBuilder MapIntrospectionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminApi().MapPost("/admin/oauth2/introspect", IntrospectOAuth2Token).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Ok<JsonObject>, OAuth2ErrorResult>> IntrospectOAuth2Token(
        HttpRequest request, TokenLookup lookup, AccessTokenIssuer issuer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var form = (await RequestBodyReader.ReadFormAsync(request, cancellationToken)).ValueOrNull;
        var token = form?["token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return new OAuth2ErrorResult(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidRequest,
                "The request body must be application/x-www-form-urlencoded with the 'token' parameter (RFC 7662 section 2.1)."));
        }

        var stored = await lookup.FindAsync(token, cancellationToken);
        var now = clock.GetUtcNow();
        var scopes = form!["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (stored is null || !stored.IsActiveAt(now) || stored.RotatedAt is not null
            || !scopes.All(s => stored.Scope.Split(' ').Contains(s, StringComparer.Ordinal)))
        {
            return TypedResults.Ok(new JsonObject { ["active"] = false });
        }

        var answer = new JsonObject
        {
            ["active"] = true,
            ["client_id"] = stored.ClientId,
            ["sub"] = stored.Subject ?? stored.ClientId,
            ["scope"] = stored.Scope,
            ["exp"] = stored.ExpiresAt.ToUnixTimeSeconds(),
            ["iat"] = stored.CreatedAt.ToUnixTimeSeconds(),
            ["nbf"] = stored.CreatedAt.ToUnixTimeSeconds(),
            ["aud"] = new JsonArray(stored.Audience.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => (JsonNode)a).ToArray()),
            ["iss"] = issuer.Issuer,
            ["token_type"] = "Bearer",
            ["token_use"] = stored.Kind,
        };
        if (stored.SessionData is { } data && JsonNode.Parse(data) is JsonObject ext)
        {
            answer["ext"] = ext;
        }

        return TypedResults.Ok(answer);
    }
}
