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
    TimeSpan WhoamiCacheTtl,
    TimeSpan? IdleTimeout)
{
    /// <summary>
    /// How often a session's last use is written while <c>session.idle_timeout</c> is on: at most once a minute (or
    /// a tenth of the timeout, when shorter), so whoami does not write on every call. A session may therefore end up
    /// to this much before a full idle timeout has passed since its very last use, never after.
    /// </summary>
    public TimeSpan SeenWriteInterval => IdleTimeout is { } idle && idle / 10 < TimeSpan.FromMinutes(1) ? idle / 10 : TimeSpan.FromMinutes(1);

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
            config.GetDuration("session.whoami.cache_ttl", TimeSpan.FromSeconds(1)),
            BindIdleTimeout(config));
    }

    // Off (null) unless set; "0s" also means off. When on, it must exceed the whoami cache TTL, which bounds how long
    // a node may keep answering from memory for a session that went idle elsewhere.
    private static TimeSpan? BindIdleTimeout(ConfigurationTree config)
    {
        if (config.GetString("session.idle_timeout") is null)
        {
            return null;
        }

        var idle = config.GetDuration("session.idle_timeout", TimeSpan.Zero, TimeSpan.Zero);
        if (idle > TimeSpan.Zero && idle < TimeSpan.FromSeconds(10))
        {
            throw new ConfigurationException("session.idle_timeout", "must be 0 (off) or at least 10s");
        }

        return idle > TimeSpan.Zero ? idle : null;
    }
}
