// SPDX-License-Identifier: Apache-2.0
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.OAuth2.TokenHooks;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tessera.OAuth2.Authorization.Endpoint;

/// <summary>
/// The principal an authorization code carries, built from a flow whose login and consent were accepted: <c>sub</c>
/// (the identity id), <c>auth_time</c>, <c>acr</c> (the AAL), <c>amr</c>, <c>sid</c> for the ID token; the granted
/// scopes and audiences. OpenIddict adds the request's <c>nonce</c> itself. Two claims stay in the code only (no
/// destination) for the token endpoint (AuthorizationCodeGrant): <see cref="ConsentRequestIdClaim"/>, the request id
/// every token of the grant shares, and <see cref="SessionClaim"/>, the consent's <c>session</c>
/// (<c>{"access_token": {...}, "id_token": {...}}</c>) without the claims the server owns.
/// </summary>
internal static class AuthorizationPrincipal
{
    public const string ConsentRequestIdClaim = "tessera_consent_request_id";

    public const string SessionClaim = "tessera_session";

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
        var claims = new JsonObject
        {
            ["access_token"] = session?["access_token"] is JsonObject access ? TokenHookClaims.Allowed(access) : null,
            ["id_token"] = session?["id_token"] is JsonObject id ? TokenHookClaims.Allowed(id) : null,
        };
        identity.AddClaim(new Claim(SessionClaim, claims.ToJsonString()));

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(flow.GrantedScopes);
        principal.SetAudiences(flow.GrantedAudiences);
        return principal;
    }
}
