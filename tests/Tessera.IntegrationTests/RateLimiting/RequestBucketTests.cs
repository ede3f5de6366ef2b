// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.RateLimiting.LoginAttempts;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>The request-level buckets (submissions per address, whoami per session) and trusted proxies.</summary>
public abstract class RequestBucketTests(DatabaseKind kind)
{
    [Fact]
    public async Task FlowSubmissions_OverTheLimit_Answer429UntilTheWindowSlides()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["rate_limits.buckets.flow_submissions.limit"] = "3",
            ["rate_limits.buckets.flow_submissions.window"] = "1m",
        });
        var flowId = await NewFlowAsync(server);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password" });
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("rate_limit_exceeded");
                server.Clock.Advance(TimeSpan.FromSeconds(RetryAfterSeconds(response)));
            }
        }

        statuses.ShouldBe([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests]);
        using var later = await server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password" });
        later.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FlowCreations_OverTheLimit_Answer429WithRetryAfter_UntilTheWindowSlides()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["rate_limits.buckets.flow_creations.limit"] = "3",
            ["rate_limits.buckets.flow_creations.window"] = "1m",
        });

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/self-service/login/api", "/self-service/registration/api", "/self-service/login/api", "/self-service/registration/api" })
        {
            using var response = await server.Public.GetAsync(path);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("rate_limit_exceeded");
                server.Clock.Advance(TimeSpan.FromSeconds(RetryAfterSeconds(response)));
            }
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/browser");
        browser.Headers.Accept.ParseAdd("application/json");
        using var later = await server.Public.SendAsync(browser);
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Whoami_PerSessionToken_IsLimited()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["rate_limits.buckets.whoami.limit"] = "2" });
        var email = await NewAccountAsync(server);
        using var login = await SubmitAsync(server, email, Password);
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("session_token").GetString()!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
            request.Headers.Add("X-Session-Token", token);
            using var response = await server.Public.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task XForwardedFor_FromATrustedProxy_NamesTheClient_AndThePerIdentifierLimitStillHolds()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["serve.public.trusted_proxies"] = "[\"127.0.0.0/8\", \"::1\"]",
            ["rate_limits.buckets.login_failures_per_identifier.limit"] = "15",
        });
        var email = await NewAccountAsync(server);

        (await FailAsync(server, email, 11, forwardedFor: "198.51.100.7, 203.0.113.1")).Last().ShouldBe(HttpStatusCode.TooManyRequests);

        // Another client behind the proxy is not the one who failed ten times...
        (await FailAsync(server, email, 5, forwardedFor: "203.0.113.2")).ShouldAllBe(s => s == HttpStatusCode.BadRequest);

        // ...but fifteen failures for one identifier from anywhere close it to every address, right password or not.
        using var third = await SubmitAsync(server, email, Password, forwardedFor: "203.0.113.3");
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // A session issued through the proxy records the client's address, not the proxy's.
        var other = await NewAccountAsync(server);
        using var login = await SubmitAsync(server, other, Password, forwardedFor: "203.0.113.9");
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("session").GetProperty("devices")[0].GetProperty("ip_address").GetString().ShouldBe("203.0.113.9");
    }
}

public sealed class SqliteRequestBucketTests() : RequestBucketTests(DatabaseKind.Sqlite);

public sealed class PostgresRequestBucketTests() : RequestBucketTests(DatabaseKind.Postgres);
