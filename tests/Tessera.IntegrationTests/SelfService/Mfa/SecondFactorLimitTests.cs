// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Mfa.MfaJourney;

namespace Tessera.IntegrationTests.SelfService.Mfa;

/// <summary>
/// Issue 17, finding 3: second-factor codes are limited per identity from any address (5 per 5 minutes by default),
/// and each check is reserved before the code is compared, so concurrency cannot exceed the limit.
/// </summary>
public abstract class SecondFactorLimitTests(SecondFactorLimitServer fixture)
{
    private const int Limit = 5;

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Totp_SixthWrongCodeForAnIdentity_IsRefusedWith429FromAnyAddress_EvenTheRightCode()
    {
        var (email, setupToken) = await RegisterAsync(Server);
        var secret = await EnableTotpAsync(Server, setupToken);
        var token = await LoginAsync(Server, email);
        Server.Clock.Advance(TimeSpan.FromSeconds(30));
        var now = Server.Clock.GetUtcNow();

        for (var i = 0; i < Limit; i++)
        {
            using var wrong = await SubmitAal2Async(Server, token, await NewAal2FlowAsync(Server, token),
                new { method = "totp", totp_code = TestTotp.WrongCode(secret, now, i) }, forwardedFor: $"203.0.113.{i + 1}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await wrong.Content.ReadAsStringAsync());
            wrong.Headers.GetValues("RateLimit-Remaining").Single().ShouldBe((Limit - 1 - i).ToString(CultureInfo.InvariantCulture));
        }

        using var sixth = await SubmitAal2Async(Server, token, await NewAal2FlowAsync(Server, token),
            new { method = "totp", totp_code = TestTotp.WrongCode(secret, now, Limit) }, forwardedFor: "198.51.100.7");
        using var right = await SubmitAal2Async(Server, token, await NewAal2FlowAsync(Server, token),
            new { method = "totp", totp_code = TestTotp.Code(secret, now) }, forwardedFor: "2001:db8:77::1");

        foreach (var refused in new[] { sixth, right })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, await refused.Content.ReadAsStringAsync());
            refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("rate_limit_exceeded");
            refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
            ShouldDescribeTheAttemptBucket(refused);
        }
    }

    [Fact]
    public async Task Totp_TwentyConcurrentWrongCodes_AtMostFiveAreChecked_TheRestAre429()
    {
        var (email, setupToken) = await RegisterAsync(Server);
        var secret = await EnableTotpAsync(Server, setupToken);
        var token = await LoginAsync(Server, email);
        var now = Server.Clock.GetUtcNow();
        var flows = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            flows.Add(await NewAal2FlowAsync(Server, token));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var responses = await Task.WhenAll(flows.Select((flow, i) => Task.Run(
            () => SubmitAal2Async(Server, token, flow, new { method = "totp", totp_code = TestTotp.WrongCode(secret, now, i) }, forwardedFor: $"203.0.113.{i + 1}"),
            timeout.Token)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var checkedCodes = statuses.Count(s => s == HttpStatusCode.BadRequest);
        checkedCodes.ShouldBeInRange(1, Limit);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(20 - checkedCodes);
    }

    [Fact]
    public async Task BackupCodes_SixthWrongCodeForAnIdentity_IsRefusedWith429()
    {
        var (email, setupToken) = await RegisterAsync(Server);
        var codes = await EnableBackupCodesAsync(Server, setupToken);
        var token = await LoginAsync(Server, email);

        for (var i = 0; i < Limit; i++)
        {
            using var wrong = await SecondFactorAsync(Server, token, new { method = "lookup_secret", lookup_secret = $"notacode{i}" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var right = await SecondFactorAsync(Server, token, new { method = "lookup_secret", lookup_secret = codes[0] });

        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("rate_limit_exceeded");
        ShouldDescribeTheAttemptBucket(right);
    }

    /// <summary>The 429's <c>RateLimit-*</c> fields describe the exhausted attempt bucket (5 per 5 minutes), not the request's.</summary>
    private static void ShouldDescribeTheAttemptBucket(HttpResponseMessage refused)
    {
        refused.Headers.GetValues("RateLimit-Limit").Single().ShouldBe(Limit.ToString(CultureInfo.InvariantCulture));
        refused.Headers.GetValues("RateLimit-Remaining").Single().ShouldBe("0");
        refused.Headers.GetValues("RateLimit-Policy").Single().ShouldBe($"{Limit};w=300");
        refused.Headers.GetValues("RateLimit-Reset").Single().ShouldBe(refused.Headers.GetValues("Retry-After").Single());
    }
}

public sealed class SqliteSecondFactorLimitTests(SqliteSecondFactorLimitServer fixture)
    : SecondFactorLimitTests(fixture), IClassFixture<SqliteSecondFactorLimitServer>;

public sealed class PostgresSecondFactorLimitTests(PostgresSecondFactorLimitServer fixture)
    : SecondFactorLimitTests(fixture), IClassFixture<PostgresSecondFactorLimitServer>;
