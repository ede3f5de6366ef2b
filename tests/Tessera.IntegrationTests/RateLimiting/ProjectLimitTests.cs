// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectHosts;
using static Tessera.IntegrationTests.RateLimiting.LimitedProjects;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>Issue 21, seed row F1: each project has its own budget of every bucket; the 429 and the IETF draft headers say whose.</summary>
public sealed class ProjectLimitTests
{
    private static readonly Dictionary<string, string> ThreeADay = Settings(new Dictionary<string, string>
    {
        ["rate_limits.buckets.flow_submissions.limit"] = "3",
        ["rate_limits.buckets.flow_submissions.window"] = "24h",
    });

    [Fact]
    public async Task TwoProjects_ExhaustingOnesBucket_LeavesTheOthersUntouched()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, ThreeADay);
        var workspace = await CreateWorkspaceAsync(server, null);
        var x = await LimitedProjects.CreateProjectAsync(server, workspace);
        var y = await LimitedProjects.CreateProjectAsync(server, workspace);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SubmitAsync(server, x);
            allowed.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        using var refused = await SubmitAsync(server, x);
        using var other = await SubmitAsync(server, y);

        var details = await RefusalDetailsAsync(refused);
        details.GetProperty("scope").GetString().ShouldBe("project");
        details.GetProperty("bucket").GetString().ShouldBe("flow_submissions");
        details.GetProperty("retry").GetString().ShouldBe("failure");
        other.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        Header(other, "RateLimit-Remaining").ShouldBe(2);
    }

    [Fact]
    public async Task ProjectOverlay_SetsThatProjectsBucket_TheOtherKeepsTheFilesValue()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, ThreeADay);
        var (strictId, strict) = await Projects.ProjectHosts.CreateProjectAsync(server);
        var (_, lenient) = await Projects.ProjectHosts.CreateProjectAsync(server);
        using var patched = await server.Admin.PatchAsync($"/admin/projects/{strictId}/config", JsonContent.Create(System.Text.Json.Nodes.JsonNode.Parse(
            """{"rate_limits": {"buckets": {"flow_submissions": {"limit": 1, "window": "1h"}}}}""")));
        await JsonAsync(patched, HttpStatusCode.OK);

        using var first = await SubmitAsync(server, strict);
        using var refused = await SubmitAsync(server, strict);
        using var other = await SubmitAsync(server, lenient);

        first.Headers.GetValues("RateLimit-Policy").ShouldBe(["1;w=3600"]);
        (await RefusalDetailsAsync(refused)).GetProperty("scope").GetString().ShouldBe("project");
        other.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        other.Headers.GetValues("RateLimit-Policy").ShouldBe(["3;w=86400"]);
    }

    [Fact]
    public async Task LimitedBucket_AllowedAnswersAndThe429_CarryConsistentRateLimitHeaders()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, ThreeADay);
        var (_, host) = await Projects.ProjectHosts.CreateProjectAsync(server);

        var remaining = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SubmitAsync(server, host);
            Header(allowed, "RateLimit-Limit").ShouldBe(3);
            Header(allowed, "RateLimit-Reset").ShouldBeInRange(1, 86_400);
            allowed.Headers.GetValues("RateLimit-Policy").ShouldBe(["3;w=86400"]);
            remaining.Add(Header(allowed, "RateLimit-Remaining"));
        }

        using var refused = await SubmitAsync(server, host);

        remaining.ShouldBe([2, 1, 0]);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Header(refused, "RateLimit-Remaining").ShouldBe(0);
        Header(refused, "RateLimit-Reset").ShouldBe(Header(refused, "Retry-After"));
        refused.Headers.GetValues("RateLimit-Policy").ShouldBe(["3;w=86400"]);
    }

    [Theory]
    [InlineData("""{"buckets": {"nope": {"limit": 5}}}""", "rate_limits.buckets.nope")]
    [InlineData("""{"buckets": {"flow_submissions": {"limit": 0}}}""", "rate_limits.buckets.flow_submissions.limit")]
    [InlineData("""{"buckets": {"flow_submissions": {"window": "soon"}}}""", "rate_limits.buckets.flow_submissions.window")]
    [InlineData("""{"enabled": false}""", "rate_limits.enabled")]
    [InlineData("5", "rate_limits must be an object")]
    public async Task WorkspaceLimits_ValidatedAsTheFilesKeys_BadOnesRefusedWithTheKeyPath_NothingStored(string rateLimits, string keyPath)
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, Settings());
        var workspace = await CreateWorkspaceAsync(server, new { buckets = new { code_sends = new { limit = 7, window = "1h" } } });

        using var patched = await server.Admin.PatchAsync(
            $"/admin/workspaces/{workspace}", JsonContent.Create(System.Text.Json.Nodes.JsonNode.Parse($$"""{"rate_limits": {{rateLimits}}}""")));
        using var after = await server.Admin.GetAsync($"/admin/workspaces/{workspace}");

        var error = (await JsonAsync(patched, HttpStatusCode.BadRequest)).GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("workspace_request_invalid");
        error.GetProperty("reason").GetString()!.ShouldContain(keyPath);
        var stored = (await JsonAsync(after, HttpStatusCode.OK)).GetProperty("rate_limits");
        stored.GetProperty("buckets").GetProperty("code_sends").GetProperty("limit").GetInt32().ShouldBe(7);
    }
}
