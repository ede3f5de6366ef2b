// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Abstractions;
using Tessera.Errors;
using Tessera.OAuth2.Clients;
using Tessera.OAuth2.TokenHooks;
using Tessera.OAuth2.Tokens;

namespace Tessera.OAuth2.Grants;

/// <summary>
/// RFC 6749 section 4.4: an access token for the client itself (no refresh token, no subject). Scopes and audience
/// must each be within what the client is registered for; the lifespan is the client's
/// <c>client_credentials_grant_access_token_lifespan</c>, else <c>ttl.access_token</c>. An opaque token is
/// self-contained (no database write per token: the hot path of a service calling for tokens); a JWT, or a token
/// carrying a hook's claims, is stored as before.
/// </summary>
internal sealed class ClientCredentialsGrant(AccessTokenIssuer issuer, TokenStore tokens, OAuth2Options options, TokenHookRunner hooks, TimeProvider clock)
{
    public async Task<Result<TokenResponse>> ExchangeAsync(OAuth2Client client, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        if (!client.GrantTypes.Contains(OpenIddictConstants.GrantTypes.ClientCredentials))
        {
            return OAuth2Errors.Of(ErrorCatalog.OAuth2UnauthorizedClient, ("grant_type", OpenIddictConstants.GrantTypes.ClientCredentials));
        }

        if (!GrantScopes.Requested(client, request).TryGetValue(out var scopes, out var error)
            || !GrantScopes.Audience(client, request).TryGetValue(out var audience, out error))
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var lifespan = client.Lifespan("client_credentials_grant_access_token_lifespan") ?? options.AccessTokenLifespan;
        var grant = new TokenGrant(client, null, scopes, audience, TokenGrant.NewRequestId());
        if (!(await hooks.RunAsync(OpenIddictConstants.GrantTypes.ClientCredentials, grant, issuer.Issuer, cancellationToken)).TryGetValue(out var claims, out error))
        {
            return error;
        }

        grant = claims.ApplyTo(grant);
        var value = issuer.SelfContainedAccessToken(grant, lifespan, now);
        if (value is null)
        {
            var access = await issuer.AccessTokenAsync(grant, lifespan, now, cancellationToken);
            await tokens.InsertAsync([access.Stored], cancellationToken);
            value = access.Value;
        }

        return new TokenResponse(value, (long)lifespan.TotalSeconds, string.Join(' ', scopes), TokenResponse.Bearer);
    }
}
