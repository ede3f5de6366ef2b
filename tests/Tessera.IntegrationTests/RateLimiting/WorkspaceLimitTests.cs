// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using Tessera.RateLimiting;
using static Tessera.IntegrationTests.Projects.ProjectHosts;
using static Tessera.IntegrationTests.RateLimiting.LimitedProjects;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>
/// Issue 21, acceptance 4 (seed row F1): a project's limit and its workspace's aggregate limit both hold across two
/// nodes on one PostgreSQL database, with the right <c>Retry-After</c> and <c>details.scope</c>.
/// </summary>
public sealed class WorkspaceLimitTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    // Each node has its own fake clock, started a moment apart: a day-long window keeps both in the same one.
    private static Dictionary<string, string> Limits(int submissions) => Settings(new Dictionary<string, string>
    {
        ["rate_limits.buckets.flow_submissions.limit"] = submissions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["rate_limits.buckets.flow_submissions.window"] = "24h",
    });

    [Fact]
    public async Task TwoNodes_RacingRequestsOfOneProject_AdmitExactlyTheProjectLimit()
    {
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits(20));
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits(20), dsn: first.Dsn);
        var (_, host) = await Projects.ProjectHosts.CreateProjectAsync(first);

        // 40 submissions at once, alternating nodes: exactly 20 pass the project's limit, never more.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await SubmitAsync(i % 2 == 0 ? first : second, host);
            return response.StatusCode;
        }));

        statuses.Count(s => s != HttpStatusCode.TooManyRequests).ShouldBe(20);
        using var onDefault = await SubmitAsync(first, DefaultHost);
        onDefault.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TwoNodes_TwoProjectsOfOneWorkspace_AreRefusedTogetherAtTheWorkspaceLimit()
    {
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits(100));
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Limits(100), dsn: first.Dsn);
        var workspace = await CreateWorkspaceAsync(first, new { buckets = new { flow_submissions = new { limit = 6, window = "24h" } } });
        var a = await LimitedProjects.CreateProjectAsync(first, workspace);
        var b = await LimitedProjects.CreateProjectAsync(first, workspace);
        var (_, outside) = await Projects.ProjectHosts.CreateProjectAsync(first);

        // Six submissions, three per project and per node: each project alone is far under its own limit of 100.
        for (var i = 0; i < 6; i++)
        {
            using var allowed = await SubmitAsync(i % 2 == 0 ? first : second, i % 2 == 0 ? a : b);
            allowed.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
            allowed.Headers.GetValues("RateLimit-Policy").ShouldBe(["100;w=86400, 6;w=86400"]);
            Header(allowed, "RateLimit-Remaining").ShouldBe(5 - i);
        }

        var now = second.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        using var refusedOnB = await SubmitAsync(second, b);
        using var refusedOnA = await SubmitAsync(first, a);
        using var notInTheWorkspace = await SubmitAsync(second, outside);

        var details = await RefusalDetailsAsync(refusedOnB);
        details.GetProperty("scope").GetString().ShouldBe("workspace");
        details.GetProperty("bucket").GetString().ShouldBe("flow_submissions");
        (await RefusalDetailsAsync(refusedOnA)).GetProperty("scope").GetString().ShouldBe("workspace");
        notInTheWorkspace.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);

        // The seventh event, counted in the day-long window: refused until the estimate leaves room for one more.
        var window = (long)Day.TotalMilliseconds;
        var expected = new SlidingWindowCount(SlidingWindowCount.AlignedStart(now, window), 7, 0).TimeUntilAtMost(5, now, window);
        Header(refusedOnB, "Retry-After").ShouldBe((int)Math.Ceiling(expected.TotalSeconds));
        Header(refusedOnB, "Retry-After").ShouldBeGreaterThan((int)(window / 1000) - (int)((now % window) / 1000));
        Header(refusedOnB, "RateLimit-Reset").ShouldBe(Header(refusedOnB, "Retry-After"));
        Header(refusedOnB, "RateLimit-Limit").ShouldBe(6);
    }
}
