// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Mfa;

/// <summary>
/// Issue 17: the MFA server with the default second-factor limits (5 codes per 5 minutes per identity) and 127.0.0.1
/// as a trusted proxy, so a test can claim a different client address for every request (X-Forwarded-For).
/// </summary>
public abstract class SecondFactorLimitServer(DatabaseKind kind) : MfaServer(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        ["serve.public.trusted_proxies"] = """["127.0.0.1"]""",
        ["rate_limits.buckets.flow_submissions.limit"] = "1000",
    };
}

public sealed class SqliteSecondFactorLimitServer() : SecondFactorLimitServer(DatabaseKind.Sqlite);

public sealed class PostgresSecondFactorLimitServer() : SecondFactorLimitServer(DatabaseKind.Postgres);

/// <summary>Issue 17: the MFA server with the second-factor limits out of the way, so every concurrent code reaches the check.</summary>
public abstract class SecondFactorRaceServer(DatabaseKind kind) : MfaServer(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        ["rate_limits.buckets.totp_attempts.limit"] = "1000",
        ["rate_limits.buckets.lookup_secret_attempts.limit"] = "1000",
        ["rate_limits.buckets.flow_submissions.limit"] = "1000",
    };
}

public sealed class SqliteSecondFactorRaceServer() : SecondFactorRaceServer(DatabaseKind.Sqlite);

public sealed class PostgresSecondFactorRaceServer() : SecondFactorRaceServer(DatabaseKind.Postgres);
