// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Passwordless;

/// <summary>
/// Issue 23: signing up with an e-mailed code and no password (<c>passwordless_enabled</c>): 1040005 once sent, the
/// identity created from the traits the code was sent for with that address verified, a session (the default
/// <c>session</c> hook), 4040003 for a wrong or used code.
/// </summary>
public abstract class CodeRegistrationTests(PasswordlessServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task CredentialStep_OffersSendSignUpCode()
    {
        using var flow = await NewApiFlowAsync(Server, "registration");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;

        using var profile = await SubmitAsync(Server, "registration", flowId, new { method = "profile", traits = new { email = NewEmail() } });

        using var step = JsonDocument.Parse(await profile.Content.ReadAsStringAsync());
        var code = step.RootElement.GetProperty("ui").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("group").GetString() == "code");
        code.GetProperty("attributes").GetProperty("value").GetString().ShouldBe("code");
        code.GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1040006);
    }

    [Fact]
    public async Task ApiClient_SignsUpWithTheEmailedCode_AddressVerified_SignedInWithAmrCode()
    {
        var email = NewEmail();
        var flowId = await SentFlowAsync(email);

        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        (await OutboxTemplatesAsync(Server, email)).ShouldBe(["registration_code_valid"]);
        using var created = await SubmitAsync(Server, "registration", flowId, new { method = "code", code, traits = new { email } });

        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var identity = body.RootElement.GetProperty("identity");
        identity.GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        var address = identity.GetProperty("verifiable_addresses")[0];
        address.GetProperty("verified").GetBoolean().ShouldBeTrue();
        address.GetProperty("status").GetString().ShouldBe("completed");
        body.RootElement.GetProperty("session_token").GetString().ShouldNotBeNullOrEmpty();
        body.RootElement.GetProperty("session").GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("code");

        // The address was proven, so no verification code follows the registration.
        (await OutboxTemplatesAsync(Server, email)).ShouldBe(["registration_code_valid"]);
    }

    [Fact]
    public async Task TraitsChangedAfterTheCodeWasSent_AreIgnored_TheIdentityGetsTheProvenAddress()
    {
        var email = NewEmail();
        var other = NewEmail();
        var flowId = await SentFlowAsync(email);
        var code = await DeliverCodeAsync(Server, fixture.Sink, email);

        using var created = await SubmitAsync(Server, "registration", flowId, new { method = "code", code, traits = new { email = other } });

        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
    }

    [Fact]
    public async Task WrongCode_Is4040003_AndAUsedCodeCreatesNothingMore()
    {
        var email = NewEmail();
        var flowId = await SentFlowAsync(email);
        var code = await DeliverCodeAsync(Server, fixture.Sink, email);

        using var wrong = await SubmitAsync(Server, "registration", flowId, new { method = "code", code = code == "000000" ? "000001" : "000000", traits = new { email } });

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var refused = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()))
        {
            FlowJson.MessageIds(refused.RootElement).ShouldBe([4040003]);
            refused.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
        }

        using var right = await SubmitAsync(Server, "registration", flowId, new { method = "code", code, traits = new { email } });
        right.StatusCode.ShouldBe(HttpStatusCode.OK, await right.Content.ReadAsStringAsync());
        using var again = await SubmitAsync(Server, "registration", flowId, new { method = "code", code, traits = new { email } });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var finished = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        FlowJson.MessageIds(finished.RootElement).ShouldBe([4040002]);
    }

    [Fact]
    public async Task CodeOfAnotherFlow_Is4040003()
    {
        var email = NewEmail();
        var firstFlow = await SentFlowAsync(email);
        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        var secondFlow = await SentFlowAsync(email);

        using var crossed = await SubmitAsync(Server, "registration", secondFlow, new { method = "code", code, traits = new { email } });

        firstFlow.ShouldNotBe(secondFlow);
        crossed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var refused = JsonDocument.Parse(await crossed.Content.ReadAsStringAsync());
        FlowJson.MessageIds(refused.RootElement).ShouldBe([4040003]);
    }

    [Fact]
    public async Task Browser_SignsUpWithTheCode_IsRedirectedAndGetsTheCookie()
    {
        var email = NewEmail();
        using var browser = new BrowserClient(Server.PublicUrl);
        using var started = await browser.GetAsync("/self-service/registration/browser");
        var flowId = FlowJson.FlowIdFromLocation(started);
        string csrf;
        using (var flow = await browser.GetFlowAsync("registration", flowId))
        {
            csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
        }

        using var sent = await browser.PostFormAsync($"/self-service/registration?flow={flowId}", [new("csrf_token", csrf), new("method", "code"), new("traits.email", email)]);
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using (var waiting = await browser.GetFlowAsync("registration", flowId))
        {
            FlowJson.MessageIds(waiting.RootElement).ShouldBe([1040005]);
            FlowJson.NodeValue(waiting.RootElement, "traits.email").ShouldBe(email);
        }

        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        using var created = await browser.PostFormAsync($"/self-service/registration?flow={flowId}",
            [new("csrf_token", csrf), new("traits.email", email), new("method", "code"), new("code", code)]);

        created.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        created.Headers.Location!.AbsolutePath.ShouldBe("/ui/welcome");
        browser.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"].ShouldNotBeNull();
    }

    private async Task<string> SentFlowAsync(string email)
    {
        using var flow = await NewApiFlowAsync(Server, "registration");
        var flowId = flow.RootElement.GetProperty("id").GetString()!;
        using var sent = await SubmitAsync(Server, "registration", flowId, new { method = "code", traits = new { email } });
        sent.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await sent.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
        body.RootElement.GetProperty("active").GetString().ShouldBe("code");
        FlowJson.MessageIds(body.RootElement).ShouldBe([1040005]);
        return flowId;
    }
}

public sealed class SqliteCodeRegistrationTests(SqlitePasswordlessServer fixture) : CodeRegistrationTests(fixture), IClassFixture<SqlitePasswordlessServer>;

public sealed class PostgresCodeRegistrationTests(PostgresPasswordlessServer fixture) : CodeRegistrationTests(fixture), IClassFixture<PostgresPasswordlessServer>;
