// SPDX-License-Identifier: Apache-2.0
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.OAuth2.Authorization.Flows;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tessera.OAuth2.Authorization.Endpoint;

/// <summary>
/// The principal an authorization code carries, built from a flow whose login and consent were accepted: <c>sub</c>
/// (the identity id), <c>auth_time</c>, <c>acr</c> (the AAL), <c>amr</c>, <c>sid</c> for the ID token; the granted
/// scopes and audiences; the consent's <c>session.id_token</c> / <c>session.access_token</c> claims for their token.
/// OpenIddict adds the request's <c>nonce</c> itself. <see cref="ConsentRequestIdClaim"/> stays in the code (no
/// destination) so the token endpoint can tie what it issues to the consent.
/// </summary>
internal static class AuthorizationPrincipal
{
    public const string ConsentRequestIdClaim = "tessera_consent_request_id";

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        Claims.Subject, Claims.AuthenticationTime, Claims.AuthenticationContextReference, Claims.AuthenticationMethodReference,
        "sid", Claims.Nonce, Claims.Issuer, Claims.Audience, Claims.ExpiresAt, Claims.IssuedAt, Claims.NotBefore, Claims.JwtId,
        Claims.Scope, Claims.ClientId, Claims.AuthorizedParty, Claims.AccessTokenHash, Claims.CodeHash, ConsentRequestIdClaim,
    };

    public static ClaimsPrincipal For(AuthorizationFlow flow)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, flow.Subject).SetDestinations(Destinations.AccessToken, Destinations.IdentityToken));
        var authTime = (flow.AuthenticatedAt ?? flow.RequestedAt).ToUnixTimeSeconds();
        identity.AddClaim(new Claim(Claims.AuthenticationTime, authTime.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64)
            .SetDestinations(Destinations.IdentityToken));
        if (flow.LoginAcr.Length > 0)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationContextReference, flow.LoginAcr).SetDestinations(Destinations.IdentityToken));
        }

        if (flow.AuthenticationMethods.Count > 0)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, JsonSerializer.Serialize(flow.AuthenticationMethods), JsonClaimValueTypes.JsonArray)
                .SetDestinations(Destinations.IdentityToken));
        }

        if (!string.IsNullOrEmpty(flow.LoginSessionId))
        {
            identity.AddClaim(new Claim("sid", flow.LoginSessionId).SetDestinations(Destinations.IdentityToken));
        }

        identity.AddClaim(new Claim(ConsentRequestIdClaim, flow.Id.ToString()));
        var session = AuthorizationFlow.Node(flow.ConsentSession) as JsonObject;
        AddSessionClaims(identity, session?["id_token"] as JsonObject, Destinations.IdentityToken);
        AddSessionClaims(identity, session?["access_token"] as JsonObject, Destinations.AccessToken);

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(flow.GrantedScopes);
        principal.SetAudiences(flow.GrantedAudiences);
        return principal;
    }

    // Claims the consent app set; the registered ones (sub, iss, aud, ...) are the server's and cannot be overridden.
    private static void AddSessionClaims(ClaimsIdentity identity, JsonObject? claims, string destination)
    {
        foreach (var (name, value) in claims ?? [])
        {
            if (value is null || Reserved.Contains(name))
            {
                continue;
            }

            var claim = value switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => new Claim(name, v.GetValue<string>()),
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new Claim(name, v.ToJsonString(), ClaimValueTypes.Boolean),
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => new Claim(name, v.ToJsonString(), ClaimValueTypes.Double),
                JsonArray => new Claim(name, value.ToJsonString(), JsonClaimValueTypes.JsonArray),
                _ => new Claim(name, value.ToJsonString(), JsonClaimValueTypes.Json),
            };
            identity.AddClaim(claim.SetDestinations(destination));
        }
    }
}
