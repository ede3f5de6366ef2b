// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// The bucket names (<c>rate_limits.buckets.&lt;name&gt;</c>) and their defaults. The defaults let a person behind a
/// shared address (an office NAT) work normally and stop scripts: a human does not submit 100 forms a minute.
/// </summary>
internal static class RateLimitBuckets
{
    /// <summary>Every <c>POST /self-service/...</c> per client address.</summary>
    public const string FlowSubmissions = "flow_submissions";

    /// <summary>
    /// Every flow creation (<c>GET /self-service/&lt;flow&gt;/api|browser</c>) per client address: each one writes a row,
    /// so an unbounded rate would let anyone grow the flows table.
    /// </summary>
    public const string FlowCreations = "flow_creations";

    /// <summary><c>GET /sessions/whoami</c> per session token (hashed).</summary>
    public const string Whoami = "whoami";

    /// <summary>Codes sent (recovery, verification, login codes) per destination address: the courier's spam guard.</summary>
    public const string CodeSends = "code_sends";

    /// <summary>Failed password logins per identifier and client address: the first, narrow brute-force limit.</summary>
    public const string LoginFailuresPerIdentifierAndAddress = "login_failures_per_identifier_ip";

    /// <summary>Failed password logins per identifier from any address: the higher limit against distributed guessing.</summary>
    public const string LoginFailuresPerIdentifier = "login_failures_per_identifier";

    /// <summary>Permission checks (<c>/relation-tuples/check</c>, batch, expand) per client address: seed row F1.</summary>
    public const string PermissionChecks = "permission_checks";

    /// <summary>Authenticator-app (TOTP) codes checked per identity from any address: the second factor's guessing limit.</summary>
    public const string TotpAttempts = "totp_attempts";

    /// <summary>Backup codes (<c>lookup_secret</c>) checked per identity from any address.</summary>
    public const string LookupSecretAttempts = "lookup_secret_attempts";

    public static IReadOnlyList<RateLimitBucket> Defaults { get; } =
    [
        new(FlowSubmissions, 100, TimeSpan.FromMinutes(1)),
        // Generous: a page that re-creates its flow on every load, behind an office NAT, stays well under it.
        new(FlowCreations, 300, TimeSpan.FromMinutes(1)),
        // Off unless configured: whoami answers from memory (Sessions/WhoamiCache), and counting every call in the
        // database would put a write back on the hottest path; session tokens are 256-bit, so there is nothing to guess.
        new(Whoami, 300, TimeSpan.FromMinutes(1), Enabled: false),
        new(CodeSends, 5, TimeSpan.FromMinutes(15)),
        new(LoginFailuresPerIdentifierAndAddress, 10, TimeSpan.FromMinutes(15)),
        new(LoginFailuresPerIdentifier, 100, TimeSpan.FromHours(1)),
        // Off unless configured, like whoami: checks answer from a per-node cache and are called by backends, often
        // many per page; counting each one in the database would add a write to every check.
        new(PermissionChecks, 6000, TimeSpan.FromMinutes(1), Enabled: false),
        // A person mistypes a code once or twice; five in five minutes leaves room for that and, against 10^6 TOTP codes
        // (three accepted at a time), for about 4,000 guesses a day instead of millions.
        new(TotpAttempts, 5, TimeSpan.FromMinutes(5)),
        new(LookupSecretAttempts, 5, TimeSpan.FromMinutes(5)),
    ];
}
