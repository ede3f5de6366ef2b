// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.RateLimiting.LoginAttempts;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>Issue 10, acceptance 2: two nodes on one PostgreSQL database enforce one limit between them.</summary>
public sealed class SharedLimitTests
{
    [Fact]
    public async Task TwoNodes_OnePostgresDatabase_ShareOneLimit()
    {
        // Each node has its own fake clock, started a moment apart: a day-long window keeps both in the same one.
        var day = new Dictionary<string, string> { ["rate_limits.buckets.login_failures_per_identifier_ip.window"] = "24h" };
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, day);
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, day, dsn: first.Dsn);
        var email = await NewAccountAsync(first);

        // Ten failures spread over both nodes reach the one limit of ten: each node alone saw only five.
        (await FailAsync(first, email, 5)).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        (await FailAsync(second, email, 5)).ShouldAllBe(s => s == HttpStatusCode.BadRequest);

        using var onFirst = await SubmitAsync(first, email, Password);
        using var onSecond = await SubmitAsync(second, email, Password);
        onFirst.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        onSecond.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TwoNodes_ConcurrentSubmissions_AreAllCounted()
    {
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits("20"));
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits("20"), dsn: first.Dsn);

        // 30 submissions at once, half per node (bounded: 30 requests, no retries): exactly 20 pass the limit.
        var attempts = Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? first : second).Public.PostAsync("/self-service/login?flow=" + Guid.NewGuid(), null);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(attempts);

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(10);
    }

    private static Dictionary<string, string> Limits(string submissions) => new()
    {
        ["rate_limits.buckets.flow_submissions.limit"] = submissions,
        ["rate_limits.buckets.flow_submissions.window"] = "24h",
    };
}
