// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Permissions;

/// <summary>Issue 24, acceptance 3 (seed row F1): checks above the limit answer 429 with Retry-After, one limit across nodes.</summary>
public sealed class PermissionCheckLimitTests
{
    private static Dictionary<string, string> Limits(string limit) => new()
    {
        ["permissions.namespaces"] = PermissionServer.Namespaces,
        ["rate_limits.buckets.permission_checks.limit"] = limit,
        // Each node has its own fake clock, started a moment apart: a day-long window keeps both in the same one.
        ["rate_limits.buckets.permission_checks.window"] = "24h",
    };

    [Fact]
    public async Task TwoNodes_OnePostgresDatabase_ChecksAboveTheLimitAnswer429WithRetryAfter()
    {
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits("10"));
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits("10"), dsn: first.Dsn);
        await KetoCalls.PutAsync(first, "files:report#view@kim");

        // Six checks on each node: each alone stays under ten, together they pass it.
        for (var i = 0; i < 6; i++)
        {
            (await KetoCalls.CheckAsync(first, "files:report#view@kim")).Status.ShouldBe(HttpStatusCode.OK);
        }

        var onSecond = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            onSecond.Add((await KetoCalls.CheckAsync(second, "files:report#view@kim")).Status);
        }

        onSecond.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        using var refused = await first.Public.GetAsync("/relation-tuples/check/openapi?" + KetoCalls.Query("files:report#view@kim"));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        await PermissionCheckTests.ShouldBeErrorAsync(refused, HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
    }

    [Fact]
    public async Task TwoNodes_ConcurrentChecks_AreAllCounted()
    {
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits("20"));
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits("20"), dsn: first.Dsn);

        // 30 checks at once, half per node (bounded: 30 requests, no retries): exactly 20 pass the shared limit.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            (await KetoCalls.CheckAsync(i % 2 == 0 ? first : second, "files:report#view@lee")).Status));

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(10);
        statuses.Count(s => s == HttpStatusCode.Forbidden).ShouldBe(20);
    }
}
