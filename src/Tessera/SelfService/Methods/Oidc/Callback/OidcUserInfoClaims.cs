// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// The user's claims read at the provider's user info endpoint (<c>user_info_url</c>, else the discovered
/// <c>userinfo_endpoint</c>) with the access token: for a plain OAuth2 provider, and for an OpenID Connect provider
/// configured with Kratos's <c>claims_source: userinfo</c>, whose ID token is validated first and must name the same
/// subject (OpenID Connect Core 5.3.2: a user info answer about anyone else is a token substitution and is refused).
/// </summary>
internal sealed class OidcUserInfoClaims(OidcTokenClient tokens, OidcProviderMetadata metadata)
{
    public async Task<Result<JsonObject>> ReadAsync(OidcProvider provider, string accessToken, string? idTokenSubject, CancellationToken cancellationToken)
    {
        var endpoint = await metadata.EndpointAsync(provider, provider.UserInfoUrl, "userinfo_endpoint", d => d.UserInfoEndpoint, cancellationToken);
        if (!endpoint.Succeeded)
        {
            return endpoint.Error;
        }

        var userInfo = await tokens.UserInfoAsync(endpoint.Value, accessToken, cancellationToken);
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
        if (idTokenSubject is not null && data["sub"]?.ToString() != idTokenSubject)
        {
            return OidcFailures.Unusable("user info endpoint", "user_info_subject_mismatch", "it is about another subject than the ID token");
        }

        return data;
    }
}
