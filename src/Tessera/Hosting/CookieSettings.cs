// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting;

/// <summary>
/// <c>cookies.*</c>: domain, path, SameSite and Secure shared by the session and CSRF cookies. Secure defaults to
/// on outside development mode.
/// </summary>
internal sealed record CookieSettings(string? Domain, string Path, SameSiteMode SameSite, bool Secure)
{
    private static readonly Dictionary<string, SameSiteMode> SameSiteModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Strict"] = SameSiteMode.Strict, ["Lax"] = SameSiteMode.Lax, ["None"] = SameSiteMode.None,
    };

    public static CookieSettings Bind(ConfigurationTree config, bool dev) => Bind(config, "cookies", dev, null);

    /// <summary>Reads <paramref name="prefix"/>.* falling back to <paramref name="fallback"/> for each unset key.</summary>
    public static CookieSettings Bind(ConfigurationTree config, string prefix, bool dev, CookieSettings? fallback)
    {
        var domain = config.GetString($"{prefix}.domain") ?? fallback?.Domain;
        var path = config.GetString($"{prefix}.path") ?? fallback?.Path ?? "/";
        var sameSite = config.GetEnum($"{prefix}.same_site", fallback?.SameSite ?? SameSiteMode.Lax, SameSiteModes);
        var secure = config.GetBool($"{prefix}.secure", fallback?.Secure ?? !dev);
        if (sameSite == SameSiteMode.None && !secure)
        {
            throw new ConfigurationException($"{prefix}.same_site", "None requires Secure cookies (browsers drop SameSite=None cookies without Secure)");
        }

        return new CookieSettings(string.IsNullOrWhiteSpace(domain) ? null : domain, path, sameSite, secure);
    }

    public CookieOptions ToCookieOptions(DateTimeOffset? expires) => new()
    {
        Domain = Domain,
        Path = Path,
        SameSite = SameSite,
        Secure = Secure,
        HttpOnly = true,
        Expires = expires,
        IsEssential = true,
    };
}
