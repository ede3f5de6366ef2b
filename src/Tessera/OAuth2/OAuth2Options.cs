// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.OAuth2;

/// <summary>
/// The OAuth2 provider's settings under Hydra's own top-level keys (Kratos has none of these names):
/// <c>urls.self.issuer</c> (default: the public base URL), <c>urls.login|consent|logout|error</c> (default: Tessera's
/// own pages), <c>urls.post_logout_redirect</c>, <c>strategies.access_token</c> (<c>opaque</c> | <c>jwt</c>), <c>ttl.*</c>, <c>oauth2.pkce.*</c>,
/// <c>oauth2.grant.refresh_token.rotation_grace_period</c>. The token hooks (<c>oauth2.token_hook</c>,
/// <c>oauth2.refresh_token_hook</c>) are bound by their own slice.
/// </summary>
internal sealed record OAuth2Options(
    Uri? Issuer,
    Uri? LoginUrl,
    Uri? ConsentUrl,
    Uri? LogoutUrl,
    Uri? ErrorUrl,
    AccessTokenStrategy AccessTokenStrategy,
    TimeSpan AccessTokenLifespan,
    TimeSpan RefreshTokenLifespan,
    TimeSpan IdTokenLifespan,
    TimeSpan AuthorizationCodeLifespan,
    bool PkceEnforced,
    bool PkceEnforcedForPublicClients,
    TimeSpan RefreshTokenRotationGracePeriod)
{
    /// <summary>
    /// <c>urls.post_logout_redirect</c>: where a browser lands after <c>/oauth2/sessions/logout</c> without a valid
    /// <c>post_logout_redirect_uri</c> (an absolute URL); unset, where Kratos's own logout lands.
    /// </summary>
    public Uri? PostLogoutRedirectUrl { get; init; }

    /// <summary>Hydra caps the grace period at five minutes: a longer one would keep a leaked token useful.</summary>
    public static readonly TimeSpan MaxGracePeriod = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyDictionary<string, AccessTokenStrategy> StrategyNames = new Dictionary<string, AccessTokenStrategy>
    {
        ["opaque"] = AccessTokenStrategy.Opaque,
        ["jwt"] = AccessTokenStrategy.Jwt,
    };

    public static OAuth2Options Bind(ConfigurationTree config)
    {
        var grace = config.GetDuration("oauth2.grant.refresh_token.rotation_grace_period", TimeSpan.FromSeconds(5));
        if (grace > MaxGracePeriod)
        {
            throw new ConfigurationException("oauth2.grant.refresh_token.rotation_grace_period", "must be at most 5m");
        }

        return new OAuth2Options(
            config.GetUri("urls.self.issuer"),
            config.GetUri("urls.login"),
            config.GetUri("urls.consent"),
            config.GetUri("urls.logout"),
            config.GetUri("urls.error"),
            config.GetEnum("strategies.access_token", AccessTokenStrategy.Opaque, StrategyNames),
            config.GetDuration("ttl.access_token", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)),
            config.GetDuration("ttl.refresh_token", TimeSpan.FromHours(720), TimeSpan.FromSeconds(1)),
            config.GetDuration("ttl.id_token", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)),
            config.GetDuration("ttl.auth_code", TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1)),
            config.GetBool("oauth2.pkce.enforced", false),
            config.GetBool("oauth2.pkce.enforced_for_public_clients", true),
            grace)
        {
            PostLogoutRedirectUrl = config.GetUri("urls.post_logout_redirect"),
        };
    }
}
