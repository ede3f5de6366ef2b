// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Codes;

/// <summary>Issue 6: address verification with an e-mailed code, and the require_verified_address login hook.</summary>
public abstract class VerificationFlowTests(CodeFlowServer fixture)
{
    private const string Password = "a verified passphrase 7";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task NewFlow_NamesTheMethodInUseAsActive_AsKratosDoes()
    {
        // Kratos sets `active` to the configured method when it creates the flow; Ory Elements reads it to choose the
        // form it shows (no `active` on a fresh flow: "unknown form state" and no form at all).
        using var flow = await NewApiFlowAsync(Server, "verification");

        flow.RootElement.GetProperty("state").GetString().ShouldBe("choose_method");
        flow.RootElement.GetProperty("active").GetString().ShouldBe("code");
    }

    [Fact]
    public async Task Registration_EmailsACode_LoginIsRefusedUntilVerified_ThenAllowed()
    {
        var email = NewEmail();
        using var registrationFlow = await NewApiFlowAsync(Server, "registration");
        using var registered = await SubmitAsync(Server, "registration", registrationFlow.RootElement.GetProperty("id").GetString()!,
            new { method = "password", password = Password, traits = new { email } });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        using var registration = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        var next = registration.RootElement.GetProperty("continue_with").EnumerateArray().Single(c => c.GetProperty("action").GetString() == "show_verification_ui");
        next.GetProperty("flow").GetProperty("verifiable_address").GetString().ShouldBe(email);
        var verificationFlowId = next.GetProperty("flow").GetProperty("id").GetString()!;
        var identityId = registration.RootElement.GetProperty("identity").GetProperty("id").GetString()!;

        using var refused = await LoginAsync(Server, email, Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var flow = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            FlowJson.MessageIds(flow.RootElement).ShouldBe([4000010]);
        }

        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        using var verified = await SubmitAsync(Server, "verification", verificationFlowId, new { method = "code", code });

        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        using (var flow = JsonDocument.Parse(await verified.Content.ReadAsStringAsync()))
        {
            flow.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
            FlowJson.MessageIds(flow.RootElement).ShouldBe([1080002]);
        }

        using var identity = await Server.Admin.GetAsync($"/admin/identities/{identityId}");
        using (var json = JsonDocument.Parse(await identity.Content.ReadAsStringAsync()))
        {
            var address = json.RootElement.GetProperty("verifiable_addresses")[0];
            address.GetProperty("verified").GetBoolean().ShouldBeTrue();
            address.GetProperty("status").GetString().ShouldBe("completed");
        }

        using var allowed = await LoginAsync(Server, email, Password);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK, await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OwnFlow_KnownAndUnknownAddressesAnswerAlike_WrongCodeGives4070006()
    {
        var known = NewEmail();
        var unknown = NewEmail();
        await TestIdentities.CreateAsync(Server, known, Password);
        var knownFlow = await NewFlowIdAsync();

        using var a = await SubmitAsync(Server, "verification", knownFlow, new { method = "code", email = known });
        using var b = await SubmitAsync(Server, "verification", await NewFlowIdAsync(), new { method = "code", email = unknown });

        a.StatusCode.ShouldBe(HttpStatusCode.OK);
        b.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var flow = JsonDocument.Parse(await b.Content.ReadAsStringAsync()))
        {
            FlowJson.MessageIds(flow.RootElement).ShouldBe([1080003]);
        }

        var code = await DeliverCodeAsync(Server, fixture.Sink, known);
        (await OutboxTemplatesAsync(Server, unknown)).ShouldBeEmpty();
        var wrongCode = code == "000000" ? "000001" : "000000";
        using var wrong = await SubmitAsync(Server, "verification", knownFlow, new { method = "code", code = wrongCode });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync());
        FlowJson.MessageIds(refused.RootElement).ShouldBe([4070006]);
        using var right = await SubmitAsync(Server, "verification", knownFlow, new { method = "code", code });
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Browser_VerificationWithoutCsrfToken_IsRefused()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        using var start = await browser.GetAsync("/self-service/verification/browser");
        start.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var flowId = FlowJson.FlowIdFromLocation(start);

        using var forged = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/verification?flow={flowId}", new { method = "code", email = NewEmail() });

        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forged.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_csrf_violation");
    }

    private async Task<string> NewFlowIdAsync()
    {
        using var flow = await NewApiFlowAsync(Server, "verification");
        return flow.RootElement.GetProperty("id").GetString()!;
    }
}

public sealed class SqliteVerificationFlowTests(SqliteCodeFlowServer fixture) : VerificationFlowTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresVerificationFlowTests(PostgresCodeFlowServer fixture) : VerificationFlowTests(fixture), IClassFixture<PostgresCodeFlowServer>;
