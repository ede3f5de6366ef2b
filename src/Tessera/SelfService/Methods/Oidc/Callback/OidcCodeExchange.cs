// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tessera.Errors;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// The callback's token step: the authorization code exchanged at the token endpoint (discovered when not configured),
/// then the ID token validated (OpenID Connect) or, for a plain OAuth2 provider, its user info read. The result is the
/// provider's claims about the user and the tokens it returned.
/// </summary>
internal sealed class OidcCodeExchange(
    OidcProviderMetadata metadata, OidcTokenClient tokens, OidcIdTokenValidator idTokens, OidcAuthorizationStart start)
{
    public async Task<Result<(JsonObject Claims, OidcTokens Tokens)>> ExchangeAsync(
        OidcProvider provider, string code, OidcSignInState remembered, CancellationToken cancellationToken)
    {
        var tokenUrl = await TokenUrlAsync(provider, cancellationToken);
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
            return claims.Succeeded ? (claims.Value, received) : claims.Error;
        }

        var userInfo = await tokens.UserInfoAsync(provider.UserInfoUrl!, received.AccessToken, cancellationToken);
        if (!userInfo.Succeeded)
        {
            return userInfo.Error;
        }

        using var document = userInfo.Value;
        if (JsonNode.Parse(document.RootElement.GetRawText()) is not JsonObject data)
        {
            return OidcFailures.Unusable("user info endpoint", "user_info_unparsable", "it is not a JSON object");
        }

        // Plain OAuth2 providers name the user "id" (GitHub, Discord, Facebook); it is their subject.
        data["sub"] ??= data["id"]?.ToString();
        return (data, received);
    }

    private async Task<Result<Uri>> TokenUrlAsync(OidcProvider provider, CancellationToken cancellationToken)
    {
        if (provider.TokenUrl is { } configured)
        {
            return configured;
        }

        var discovered = await OidcProviderCall.RunAsync<OpenIdConnectConfiguration>("discovery document",
            async timeout => await metadata.GetAsync(provider, timeout), cancellationToken);
        if (!discovered.Succeeded)
        {
            return discovered.Error;
        }

        return Uri.TryCreate(discovered.Value.TokenEndpoint, UriKind.Absolute, out var tokenUrl)
            ? tokenUrl
            : OidcFailures.Unusable("discovery document", "token_endpoint_missing", "it has no token_endpoint");
    }
}
