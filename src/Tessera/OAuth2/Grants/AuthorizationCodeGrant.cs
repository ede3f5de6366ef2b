// SPDX-License-Identifier: Apache-2.0
using System.Security.Claims;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using Tessera.Errors;
using Tessera.OAuth2.Clients;
using Tessera.OAuth2.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tessera.OAuth2.Grants;

/// <summary>
/// RFC 6749 section 4.1.3. OpenIddict has already checked the code (its signature and encryption, expiry, that it
/// was issued to this client, the redirect URI, PKCE S256) and hands over its principal; Tessera makes the code
/// single use (a conditional insert: of 20-50 concurrent redemptions exactly one wins, on any node) and issues
/// the tokens. A second redemption revokes what the first one issued.
/// </summary>
internal sealed class AuthorizationCodeGrant(
    CodeRedemptionStore redemptions, OpaqueTokens opaque, TokenPairIssuer issuer, TokenRevocation revocation, OAuth2Options options, TimeProvider clock)
{
    public async Task<Result<TokenResponse>> ExchangeAsync(OAuth2Client client, OpenIddictRequest request, ClaimsPrincipal code, CancellationToken cancellationToken)
    {
        if (!client.GrantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            return OAuth2Errors.Of(ErrorCatalog.OAuth2UnauthorizedClient, ("grant_type", GrantTypes.AuthorizationCode));
        }

        var now = clock.GetUtcNow();
        var requestId = TokenGrant.NewRequestId();
        var first = await redemptions.TryRedeemAsync(opaque.Signature(request.Code!), requestId, now, now + options.AuthorizationCodeLifespan, cancellationToken);
        if (first is not null)
        {
            if (first.Length > 0)
            {
                await revocation.RevokeRequestAsync(first, cancellationToken);
            }

            return ErrorCatalog.OAuth2AuthorizationCodeReused;
        }

        var extra = code.GetClaim("tessera_session") is { Length: > 0 } session ? JsonNode.Parse(session) as JsonObject : null;
        var grant = new TokenGrant(client, code.GetClaim(Claims.Subject), code.GetScopes().ToList(), code.GetAudiences().ToList(), requestId, extra);
        return await issuer.IssueAsync(grant, "authorization_code_grant", now, code.GetClaim(Claims.Private.Nonce), cancellationToken);
    }
}
