// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>
/// Servers for the brute-force tests: the default password limits (10 per identifier and address, 100 per
/// identifier), and a per-address submission limit high enough that a whole class of tests from 127.0.0.1 fits.
/// </summary>
public abstract class RateLimitServer(DatabaseKind kind) : ServerFixture(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["rate_limits.buckets.flow_submissions.limit"] = "1000",
    };
}

public sealed class SqliteRateLimitServer() : RateLimitServer(DatabaseKind.Sqlite);

public sealed class PostgresRateLimitServer() : RateLimitServer(DatabaseKind.Postgres);
