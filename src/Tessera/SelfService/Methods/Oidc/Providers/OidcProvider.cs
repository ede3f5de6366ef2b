// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Oidc.Providers;

/// <summary>
/// One entry of <c>selfservice.methods.oidc.config.providers</c>, as validated at start-up, with its preset's endpoints
/// filled in. <see cref="IssuerUrl"/> is set for providers that speak OpenID Connect (discovery, JWKS, ID tokens);
/// without it the provider is plain OAuth2 and <see cref="UserInfoUrl"/> says where the user's data comes from.
/// </summary>
internal sealed record OidcProvider(
    string Id,
    string Kind,
    string ClientId,
    string ClientSecret,
    Uri? IssuerUrl,
    Uri? AuthUrl,
    Uri? TokenUrl,
    Uri? UserInfoUrl,
    IReadOnlyList<string> Scope,
    string? RequestedClaims,
    OidcClaimsMapper Mapper,
    string Label,
    string? OrganizationId)
{
    /// <summary>
    /// Kratos's <c>claims_source: userinfo</c>: the claims come from the user info endpoint even though the provider
    /// issues ID tokens (which are still validated); <c>id_token</c>, the default, reads them from the ID token.
    /// </summary>
    public bool ClaimsFromUserInfo { get; init; }

    /// <summary>Whether the provider issues ID tokens (OpenID Connect) rather than only access tokens (plain OAuth2).</summary>
    public bool IssuesIdTokens => IssuerUrl is not null;
}
