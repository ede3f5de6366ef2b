// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Oidc.Providers;

/// <summary>
/// Kratos's provider presets: they only fill in what the operator did not write (the issuer or the endpoints of a
/// plain OAuth2 provider, the default scope, the label). <c>generic</c> fills in nothing and needs <c>issuer_url</c>.
/// Nothing here is fetched: discovery happens at the first sign-in (<see cref="OidcProviderMetadata"/>).
/// </summary>
internal static class OidcPresets
{
    public static readonly IReadOnlyDictionary<string, OidcPreset> All = new Dictionary<string, OidcPreset>(StringComparer.Ordinal)
    {
        ["generic"] = new(null, null, null, null, ["openid", "email", "profile"], null),
        ["google"] = new("https://accounts.google.com", null, null, null, ["openid", "email", "profile"], "Google"),
        ["microsoft"] = new("https://login.microsoftonline.com/common/v2.0", null, null, null, ["openid", "email", "profile"], "Microsoft"),
        ["apple"] = new("https://appleid.apple.com", null, null, null, ["openid", "email", "name"], "Apple"),
        ["gitlab"] = new("https://gitlab.com", null, null, null, ["openid", "email", "profile"], "GitLab"),
        ["auth0"] = new(null, null, null, null, ["openid", "email", "profile"], "Auth0"),
        ["github"] = new(null, "https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token",
            "https://api.github.com/user", ["user:email"], "GitHub"),
        ["facebook"] = new(null, "https://www.facebook.com/v19.0/dialog/oauth", "https://graph.facebook.com/v19.0/oauth/access_token",
            "https://graph.facebook.com/me?fields=id,name,first_name,last_name,email", ["email", "public_profile"], "Facebook"),
        ["discord"] = new(null, "https://discord.com/oauth2/authorize", "https://discord.com/api/oauth2/token",
            "https://discord.com/api/users/@me", ["identify", "email"], "Discord"),
        ["slack"] = new("https://slack.com", null, null, null, ["openid", "email", "profile"], "Slack"),
    };
}
