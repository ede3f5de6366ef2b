// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// The callback's token step: the authorization code exchanged at the token endpoint (discovered when not configured),
/// then the ID token validated (OpenID Connect; with <c>claims_source: userinfo</c> the claims are then read from user
/// info) or, for a plain OAuth2 provider, its user info read (<see cref="OidcUserInfoClaims"/>). The result is the
/// provider's claims about the user and the tokens it returned.
/// </summary>
internal sealed class OidcCodeExchange(
    OidcProviderMetadata metadata, OidcTokenClient tokens, OidcIdTokenValidator idTokens, OidcUserInfoClaims userInfo, OidcAuthorizationStart start)
{
    public async Task<Result<(JsonObject Claims, OidcTokens Tokens)>> ExchangeAsync(
        OidcProvider provider, string code, OidcSignInState remembered, CancellationToken cancellationToken)
    {
        var tokenUrl = await metadata.EndpointAsync(provider, provider.TokenUrl, "token_endpoint", d => d.TokenEndpoint, cancellationToken);
        if (!tokenUrl.Succeeded)
        {
            return tokenUrl.Error;
        }

        var exchanged = await tokens.ExchangeAsync(tokenUrl.Value, provider.ClientId, provider.ClientSecret, code, start.CallbackUrl(provider), remembered.Verifier, cancellationToken);
        if (!exchanged.TryGetValue(out var received, out var refused))
        {
            return refused;
        }

        if (provider.IssuesIdTokens)
        {
            if (received.IdToken is null)
            {
                return OidcFailures.Unusable("token endpoint", "id_token_missing", "it has no id_token");
            }

            var claims = await idTokens.ValidateAsync(provider, received.IdToken, remembered.Nonce, cancellationToken);
            if (!claims.Succeeded || !provider.ClaimsFromUserInfo)
            {
                return claims.Succeeded ? (claims.Value, received) : claims.Error;
            }

            var fromUserInfo = await userInfo.ReadAsync(provider, received.AccessToken, claims.Value["sub"]?.ToString(), cancellationToken);
            return fromUserInfo.Succeeded ? (fromUserInfo.Value, received) : fromUserInfo.Error;
        }

        var plain = await userInfo.ReadAsync(provider, received.AccessToken, idTokenSubject: null, cancellationToken);
        return plain.Succeeded ? (plain.Value, received) : plain.Error;
    }
}
