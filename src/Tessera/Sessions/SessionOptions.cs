// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hosting;

namespace Tessera.Sessions;

/// <summary><c>session.*</c> with the session cookie's settings falling back to <c>cookies.*</c>.</summary>
internal sealed record SessionOptions(
    TimeSpan Lifespan,
    TimeSpan? EarliestPossibleExtend,
    string CookieName,
    bool CookiePersistent,
    CookieSettings Cookie,
    RequiredAal WhoamiRequiredAal,
    TimeSpan WhoamiCacheTtl)
{
    public const string DefaultCookieName = "ory_kratos_session";

    private static readonly Dictionary<string, RequiredAal> AalNames = new(StringComparer.Ordinal)
    {
        ["aal1"] = RequiredAal.Aal1, ["highest_available"] = RequiredAal.HighestAvailable,
    };

    public static SessionOptions Bind(ConfigurationTree config, ServeOptions serve)
    {
        var cookies = CookieSettings.Bind(config, serve);
        var name = config.GetString("session.cookie.name", DefaultCookieName)!;
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= '\u007f' || "()<>@,;:\\\"/[]?={}".Contains(c)))
        {
            throw new ConfigurationException("session.cookie.name", "must be a non-empty cookie token (letters, digits, - and _)");
        }

        var extend = config.GetString("session.earliest_possible_extend") is null
            ? (TimeSpan?)null
            : config.GetDuration("session.earliest_possible_extend", TimeSpan.Zero);
        return new SessionOptions(
            config.GetDuration("session.lifespan", TimeSpan.FromHours(24), TimeSpan.FromSeconds(1)),
            extend,
            name,
            config.GetBool("session.cookie.persistent", true),
            CookieSettings.Bind(config, "session.cookie", serve, cookies),
            config.GetEnum("session.whoami.required_aal", RequiredAal.HighestAvailable, AalNames),
            config.GetDuration("session.whoami.cache_ttl", TimeSpan.FromSeconds(1)));
    }
}
