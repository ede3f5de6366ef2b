// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.RateLimiting;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Codes;

/// <summary>
/// Issue 10 on the code flows: code sends are limited per address (<c>code_sends</c>, default 5 per 15 minutes)
/// without revealing whether the address has an account, and recovery asks for the captcha.
/// </summary>
public abstract class CodeSendLimitTests(CodeFlowServer fixture)
{
    private const int Limit = 5;

    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("recovery")]
    [InlineData("verification")]
    public async Task CodeSends_PastTheLimit_Answer429AlikeForKnownAndUnknownAddresses(string kind)
    {
        var known = NewEmail();
        var unknown = NewEmail();
        await TestIdentities.CreateAsync(Server, known, "a known passphrase 11");

        var knownAnswers = await SendRepeatedlyAsync(kind, known);
        var unknownAnswers = await SendRepeatedlyAsync(kind, unknown);

        knownAnswers.ShouldBe(unknownAnswers);
        knownAnswers.ShouldBe([.. Enumerable.Repeat("200", Limit), "429 rate_limit_exceeded retry-after"]);
        await DeliverAsync(Server);
        (await OutboxTemplatesAsync(Server, known)).Count.ShouldBe(Limit);
        (await OutboxTemplatesAsync(Server, unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CodeSends_TheLimitIsPerAddress_AndLapsesWithItsWindow()
    {
        var email = NewEmail();
        var other = NewEmail();
        (await SendRepeatedlyAsync("recovery", email)).Last().ShouldStartWith("429");

        (await SendOnceAsync("recovery", other)).ShouldBe("200");
        Server.Clock.Advance(TimeSpan.FromMinutes(31));
        (await SendOnceAsync("recovery", email)).ShouldBe("200");
    }

    [Fact]
    public async Task Recovery_WithCaptcha_RefusesMissingAndRejectedTokens_AndSendsOnceSolved()
    {
        await using var stub = await CaptchaVerifierStub.StartAsync();
        await using var sink = SmtpSink.Start();
        var settings = SettingsFor(sink);
        settings["selfservice.captcha.enabled"] = "true";
        settings["selfservice.captcha.secret"] = "test-secret";
        settings["selfservice.captcha.verify_url"] = stub.VerifyUrl.AbsoluteUri;
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, settings);
        var email = NewEmail();
        await TestIdentities.CreateAsync(server, email, "a known passphrase 11");
        using var flow = await NewApiFlowAsync(server, "recovery");
        FlowJson.Node(flow.RootElement, "captcha_turnstile_response").GetProperty("group").GetString().ShouldBe("captcha");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;

        using var missing = await SubmitAsync(server, "recovery", flowId, new { method = "code", email });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("captcha_token_missing");
        stub.Success = false;
        using var rejected = await SubmitAsync(server, "recovery", flowId, new { method = "code", email, captcha_turnstile_response = "t1" });
        rejected.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        rejected.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("captcha_verification_failed");
        (await OutboxTemplatesAsync(server, email)).ShouldBeEmpty();

        stub.Success = true;
        using var solved = await SubmitAsync(server, "recovery", flowId, new { method = "code", email, captcha_turnstile_response = "t2" });
        solved.StatusCode.ShouldBe(HttpStatusCode.OK, await solved.Content.ReadAsStringAsync());
        (await OutboxTemplatesAsync(server, email)).ShouldBe(["recovery_code_valid"]);
    }

    private async Task<List<string>> SendRepeatedlyAsync(string kind, string email)
    {
        var answers = new List<string>();
        for (var i = 0; i <= Limit; i++)
        {
            answers.Add(await SendOnceAsync(kind, email));
        }

        return answers;
    }

    /// <summary>One send on a fresh flow, summarised as what the client can observe: status, error id, Retry-After.</summary>
    private async Task<string> SendOnceAsync(string kind, string email)
    {
        using var flow = await NewApiFlowAsync(Server, kind);
        using var sent = await SubmitAsync(Server, kind, flow.RootElement.GetProperty("id").GetString()!, new { method = "code", email });
        if (sent.StatusCode == HttpStatusCode.OK)
        {
            return "200";
        }

        using var body = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        var retryAfter = sent.Headers.RetryAfter is null ? string.Empty : " retry-after";
        return $"{(int)sent.StatusCode} {body.RootElement.GetProperty("error").GetProperty("id").GetString()}{retryAfter}";
    }
}

public sealed class SqliteCodeSendLimitTests(SqliteCodeFlowServer fixture) : CodeSendLimitTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresCodeSendLimitTests(PostgresCodeFlowServer fixture) : CodeSendLimitTests(fixture), IClassFixture<PostgresCodeFlowServer>;
