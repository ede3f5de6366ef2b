// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting;

/// <summary>
/// <c>cookies.*</c>: domain, path, SameSite and Secure shared by the session and CSRF cookies. Secure defaults to
/// on, except in development mode and when the public URL is plain http on a loopback address (see
/// <see cref="SecureByDefault"/>).
/// </summary>
internal sealed record CookieSettings(string? Domain, string Path, SameSiteMode SameSite, bool Secure)
{
    private static readonly Dictionary<string, SameSiteMode> SameSiteModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Strict"] = SameSiteMode.Strict, ["Lax"] = SameSiteMode.Lax, ["None"] = SameSiteMode.None,
    };

    public static CookieSettings Bind(ConfigurationTree config, ServeOptions serve) => Bind(config, "cookies", serve, null);

    /// <summary>Reads <paramref name="prefix"/>.* falling back to <paramref name="fallback"/> for each unset key.</summary>
    public static CookieSettings Bind(ConfigurationTree config, string prefix, ServeOptions serve, CookieSettings? fallback)
    {
        var domain = config.GetString($"{prefix}.domain") ?? fallback?.Domain;
        var path = config.GetString($"{prefix}.path") ?? fallback?.Path ?? "/";
        var sameSite = config.GetEnum($"{prefix}.same_site", fallback?.SameSite ?? SameSiteMode.Lax, SameSiteModes);
        var secure = config.GetBool($"{prefix}.secure", fallback?.Secure ?? SecureByDefault(serve));
        if (sameSite == SameSiteMode.None && !secure)
        {
            throw new ConfigurationException($"{prefix}.same_site", "None requires Secure cookies (browsers drop SameSite=None cookies without Secure)");
        }

        return new CookieSettings(string.IsNullOrWhiteSpace(domain) ? null : domain, path, sameSite, secure);
    }

    /// <summary>
    /// Kratos marks cookies Secure unless in development mode. Tessera's listener speaks plain HTTP and, with zero
    /// configuration, is reached at http://127.0.0.1:4433, where browsers drop (or never send back) Secure cookies:
    /// the built-in sign-in would fail for the very person trying it out. So when the public URL
    /// (<c>serve.public.base_url</c>, else the listener) is http:// on a loopback host, cookies are not marked Secure
    /// by default. Loopback traffic never leaves the machine, so Secure would protect nothing there. Any other
    /// address, including a listener on 0.0.0.0 without a base URL, keeps Secure (deploy behind TLS);
    /// <c>cookies.secure</c> set explicitly always wins.
    /// </summary>
    public static bool SecureByDefault(ServeOptions serve)
    {
        if (serve.Dev)
        {
            return false;
        }

        var publicUrl = serve.Public.BaseUrl;
        var host = publicUrl?.Host ?? serve.Public.Host;
        var plainHttp = publicUrl is null || publicUrl.Scheme == Uri.UriSchemeHttp;
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
        return !(plainHttp && loopback);
    }

    /// <param name="expires">When the cookie ends; null for a browser-session cookie.</param>
    /// <param name="maxAge">Max-Age, which browsers prefer to Expires (Kratos sends it on persistent cookies).</param>
    public CookieOptions ToCookieOptions(DateTimeOffset? expires, TimeSpan? maxAge = null) => new()
    {
        Domain = Domain,
        Path = Path,
        SameSite = SameSite,
        Secure = Secure,
        HttpOnly = true,
        Expires = expires,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
