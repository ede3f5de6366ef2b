// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.RateLimiting.LoginAttempts;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>Issue 10, acceptance 1: password guessing is refused per identifier, whatever the password.</summary>
public abstract class BruteForceTests(RateLimitServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task TwentyWrongPasswords_RefuseEvenTheRightOne_OtherIdentifiersUnaffected_UntilTheWindowPasses()
    {
        var victim = await NewAccountAsync(Server);
        var bystander = await NewAccountAsync(Server);

        var statuses = await FailAsync(Server, victim, 20);

        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        statuses.Skip(10).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        using var right = await SubmitAsync(Server, victim, Password);
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("rate_limit_exceeded");
        var retryAfter = RetryAfterSeconds(right);
        retryAfter.ShouldBeInRange(1, (int)TimeSpan.FromMinutes(30).TotalSeconds);

        using var other = await SubmitAsync(Server, bystander, Password);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);

        Server.Clock.Advance(TimeSpan.FromSeconds(retryAfter - 2));
        using (var early = await SubmitAsync(Server, victim, Password))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }

        Server.Clock.Advance(TimeSpan.FromSeconds(3));
        using var after = await SubmitAsync(Server, victim, Password);
        after.StatusCode.ShouldBe(HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownIdentifier_IsThrottledExactlyLikeAKnownOne()
    {
        var known = await NewAccountAsync(Server);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        var knownStatuses = await FailAsync(Server, known, 12);
        var unknownStatuses = await FailAsync(Server, unknown, 12);

        unknownStatuses.ShouldBe(knownStatuses);
        using var a = await SubmitAsync(Server, known, "wrong password x");
        using var b = await SubmitAsync(Server, unknown, "wrong password x");
        b.StatusCode.ShouldBe(a.StatusCode);
        b.Headers.RetryAfter.ShouldBe(a.Headers.RetryAfter);
        b.Headers.Select(h => h.Key).Order().ShouldBe(a.Headers.Select(h => h.Key).Order());
    }

    [Fact]
    public async Task Success_ResetsTheFailureCount()
    {
        var email = await NewAccountAsync(Server);

        (await FailAsync(Server, email, 9)).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        using (var ok = await SubmitAsync(Server, email, Password))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await FailAsync(Server, email, 10)).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task XForwardedFor_FromAnUntrustedPeer_IsIgnored()
    {
        var email = await NewAccountAsync(Server);

        (await FailAsync(Server, email, 11, forwardedFor: "203.0.113.1")).Last().ShouldBe(HttpStatusCode.TooManyRequests);

        // Claiming another address does not escape the limit: the socket address (127.0.0.1) is the client.
        using var other = await SubmitAsync(Server, email, Password, forwardedFor: "203.0.113.2");
        other.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Throttled_AnswersInEveryWireFormat()
    {
        var email = await NewAccountAsync(Server);
        await FailAsync(Server, email, 10);

        using (var envelope = await SubmitAsync(Server, email, Password))
        {
            envelope.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            var seconds = RetryAfterSeconds(envelope);
            using var body = JsonDocument.Parse(await envelope.Content.ReadAsStringAsync());
            var error = body.RootElement.GetProperty("error");
            error.GetProperty("id").GetString().ShouldBe("rate_limit_exceeded");
            error.GetProperty("code").GetInt32().ShouldBe(429);
            error.GetProperty("details").GetProperty("retry").GetString().ShouldBe("failure");
            error.GetProperty("details").GetProperty("retry_after_seconds").GetInt32().ShouldBe(seconds);
        }

        using (var problem = await SubmitAsync(Server, email, Password, accept: "application/problem+json"))
        {
            problem.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            problem.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            RetryAfterSeconds(problem).ShouldBeGreaterThan(0);
            using var body = JsonDocument.Parse(await problem.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("title").GetString().ShouldBe("rate_limit_exceeded");
            body.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
            body.RootElement.GetProperty("retry").GetString().ShouldBe("failure");
            body.RootElement.GetProperty("context").GetProperty("retry_after_seconds").GetInt32().ShouldBeGreaterThan(0);
        }

        // An HTML browser is sent back to its form, which now says why (4000001 with the wait in its context).
        using var browser = new BrowserClient(Server.PublicUrl);
        using var start = await browser.GetAsync("/self-service/login/browser");
        var flowId = FlowJson.FlowIdFromLocation(start);
        using (var flow = await browser.GetFlowAsync("login", flowId))
        {
            using var refused = await browser.PostFormAsync(
                flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!,
                [
                    new("csrf_token", FlowJson.NodeValue(flow.RootElement, "csrf_token")!),
                    new("method", "password"), new("identifier", email), new("password", Password),
                ]);
            refused.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            FlowJson.FlowIdFromLocation(refused).ShouldBe(flowId);
            RetryAfterSeconds(refused).ShouldBeGreaterThan(0);
        }

        using var rendered = await browser.GetFlowAsync("login", flowId);
        FlowJson.MessageIds(rendered.RootElement).ShouldBe([4000001]);
        rendered.RootElement.GetProperty("ui").GetProperty("messages")[0].GetProperty("context").GetProperty("retry_after_seconds").GetInt32().ShouldBeGreaterThan(0);
    }
}

public sealed class SqliteBruteForceTests(SqliteRateLimitServer fixture) : BruteForceTests(fixture), IClassFixture<SqliteRateLimitServer>;

public sealed class PostgresBruteForceTests(PostgresRateLimitServer fixture) : BruteForceTests(fixture), IClassFixture<PostgresRateLimitServer>;
