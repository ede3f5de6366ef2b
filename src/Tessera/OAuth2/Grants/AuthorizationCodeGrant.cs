// SPDX-License-Identifier: Apache-2.0
using System.Security.Claims;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using Tessera.Errors;
using Tessera.OAuth2.Authorization.Endpoint;
using Tessera.OAuth2.Clients;
using Tessera.OAuth2.TokenHooks;
using Tessera.OAuth2.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tessera.OAuth2.Grants;

/// <summary>
/// RFC 6749 section 4.1.3. OpenIddict has already checked the code (its signature and encryption, expiry, that it
/// was issued to this client, the redirect URI, PKCE S256) and hands over its principal; the token hooks run
/// (a refusal leaves the code unused); Tessera makes the code single use (a conditional insert: of 20-50
/// concurrent redemptions exactly one wins, on any node) and issues the tokens under the consent request's id
/// with the consent's session claims. A second redemption revokes what the first one issued.
/// </summary>
internal sealed class AuthorizationCodeGrant(
    CodeRedemptionStore redemptions, OpaqueTokens opaque, TokenPairIssuer issuer, AccessTokenIssuer accessTokens, TokenHookRunner hooks,
    TokenRevocation revocation, OAuth2Options options, TimeProvider clock)
{
    public async Task<Result<TokenResponse>> ExchangeAsync(OAuth2Client client, OpenIddictRequest request, ClaimsPrincipal code, CancellationToken cancellationToken)
    {
        if (!client.GrantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            return OAuth2Errors.Of(ErrorCatalog.OAuth2UnauthorizedClient, ("grant_type", GrantTypes.AuthorizationCode));
        }

        // A code already used is refused before the hooks run: they are never asked about a grant that cannot happen.
        var signature = opaque.Signature(request.Code!);
        if (await redemptions.FindAsync(signature, cancellationToken) is { } earlier)
        {
            await redemptions.MarkReusedAsync(signature, clock.GetUtcNow(), cancellationToken);
            return await ReusedAsync(earlier, cancellationToken);
        }

        var grant = GrantOf(client, code);
        if (!(await hooks.RunAsync(GrantTypes.AuthorizationCode, grant, accessTokens.Issuer, cancellationToken)).TryGetValue(out var claims, out var error))
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var first = await redemptions.TryRedeemAsync(signature, grant.RequestId, now, now + options.AuthorizationCodeLifespan, cancellationToken);
        if (first is not null)
        {
            return await ReusedAsync(first, cancellationToken);
        }

        var response = await issuer.IssueAsync(claims.ApplyTo(grant), "authorization_code_grant", now, code.GetClaim(Claims.Private.Nonce), cancellationToken);
        if (await redemptions.WasReusedAsync(signature, cancellationToken))
        {
            // A concurrent redemption lost between ours and the tokens' write, so its revocation found nothing yet.
            await revocation.RevokeRequestAsync(grant.RequestId, cancellationToken);
        }

        return response;
    }

    private async Task<TesseraError> ReusedAsync(string firstRequestId, CancellationToken cancellationToken)
    {
        if (firstRequestId.Length > 0)
        {
            await revocation.RevokeRequestAsync(firstRequestId, cancellationToken);
        }

        return ErrorCatalog.OAuth2AuthorizationCodeReused;
    }

    // Codes from Tessera's authorization endpoint carry the consent request id and session (AuthorizationPrincipal).
    private static TokenGrant GrantOf(OAuth2Client client, ClaimsPrincipal code)
    {
        var session = code.GetClaim(AuthorizationPrincipal.SessionClaim) is { Length: > 0 } json ? JsonNode.Parse(json) as JsonObject : null;
        var requestId = code.GetClaim(AuthorizationPrincipal.ConsentRequestIdClaim) is { Length: > 0 } consent ? consent : TokenGrant.NewRequestId();
        var idTokenClaims = NonEmpty(session?["id_token"]);
        if (code.GetClaim("sid") is { Length: > 0 } sid)
        {
            // The login session the ID token belongs to: RP-initiated logout ends it (Authorization/Logout).
            idTokenClaims ??= [];
            idTokenClaims["sid"] = sid;
        }

        return new TokenGrant(client, code.GetClaim(Claims.Subject), code.GetScopes().ToList(), code.GetAudiences().ToList(), requestId,
            NonEmpty(session?["access_token"]), idTokenClaims);
    }

    private static JsonObject? NonEmpty(JsonNode? claims) => claims is JsonObject { Count: > 0 } o ? o.DeepClone().AsObject() : null;
}
