// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;
using Tessera.IntegrationTests.SelfService.Mfa;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Passwordless;

/// <summary>
/// Issue 23: a code as the second factor (<c>mfa_enabled</c>): an aal2 flow offers the account's own address
/// (1010019), the code raises the session to aal2 with <c>amr: code</c>; an address that is not the account's is
/// 4010010 and gets nothing; a wrong code is 4010008.
/// </summary>
public abstract class SecondFactorCodeTests(MfaCodeServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Aal2Flow_OffersTheAccountsAddress_TheCodeRaisesTheSessionToAal2()
    {
        var (email, _) = await MfaJourney.RegisterAsync(Server);
        var token = await MfaJourney.LoginAsync(Server, email);
        var flowId = await MfaJourney.NewAal2FlowAsync(Server, token);
        using (var created = await MfaJourney.SendAsync(Server, HttpMethod.Get, $"/self-service/login/flows?id={flowId}", token, null))
        {
            var flow = await MfaJourney.JsonAsync(created);
            FlowJson.NodeValue(flow, "address").ShouldBe(email);
            var request = flow.GetProperty("ui").GetProperty("nodes").EnumerateArray()
                .Single(n => n.GetProperty("group").GetString() == "code" && n.GetProperty("attributes").GetProperty("name").GetString() == "method");
            request.GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1010019);
        }

        using var sent = await MfaJourney.SubmitAal2Async(Server, token, flowId, new { method = "code", address = email });
        sent.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await sent.Content.ReadAsStringAsync());
        var waiting = await MfaJourney.JsonAsync(sent);
        waiting.GetProperty("state").GetString().ShouldBe("sent_email");
        FlowJson.MessageIds(waiting).ShouldBe([1010025]);

        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        using var wrong = await MfaJourney.SubmitAal2Async(Server, token, flowId, new { method = "code", code = code == "000000" ? "000001" : "000000" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FlowJson.MessageIds(await MfaJourney.JsonAsync(wrong)).ShouldBe([4010008]);

        using var raised = await MfaJourney.SubmitAal2Async(Server, token, flowId, new { method = "code", code });

        raised.StatusCode.ShouldBe(HttpStatusCode.OK, await raised.Content.ReadAsStringAsync());
        using var whoami = await MfaJourney.SendAsync(Server, HttpMethod.Get, "/sessions/whoami", token, null);
        var session = await MfaJourney.JsonAsync(whoami);
        session.GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal2");
        session.GetProperty("authentication_methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ShouldBe(["password", "code"]);
    }

    [Fact]
    public async Task AnAddressThatIsNotTheAccounts_Is4010010_AndNothingIsSent()
    {
        var (email, _) = await MfaJourney.RegisterAsync(Server);
        var (stranger, _) = await MfaJourney.RegisterAsync(Server);
        var token = await MfaJourney.LoginAsync(Server, email);
        var flowId = await MfaJourney.NewAal2FlowAsync(Server, token);

        using var refused = await MfaJourney.SubmitAal2Async(Server, token, flowId, new { method = "code", address = stranger });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        var flow = await MfaJourney.JsonAsync(refused);
        FlowJson.MessageIds(flow).ShouldBe([4010010]);
        flow.GetProperty("state").GetString().ShouldBe("choose_method");
        (await OutboxTemplatesAsync(Server, stranger)).ShouldNotContain("login_code_valid");
    }

    [Fact]
    public async Task WithoutMfaEnabled_TheFirstFactorFlowOffersNoCode()
    {
        using var flow = await NewApiFlowAsync(Server, "login");

        flow.RootElement.GetProperty("ui").GetProperty("nodes").EnumerateArray().ShouldNotContain(n => n.GetProperty("group").GetString() == "code");
    }
}

/// <summary>The code-flow server with <c>mfa_enabled</c> (without verification and its login hook).</summary>
public abstract class MfaCodeServer(DatabaseKind kind) : CodeFlowServer(kind)
{
    protected override Dictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>(SettingsFor(Sink)) { ["selfservice.methods.code.mfa_enabled"] = "true" };
            settings.Remove("selfservice.flows.login.after.hooks");

            // No verification code after registering: the only message an address gets is its login code.
            settings.Remove("selfservice.flows.verification.enabled");
            return settings;
        }
    }
}

public sealed class SqliteMfaCodeServer() : MfaCodeServer(DatabaseKind.Sqlite);

public sealed class PostgresMfaCodeServer() : MfaCodeServer(DatabaseKind.Postgres);

public sealed class SqliteSecondFactorCodeTests(SqliteMfaCodeServer fixture) : SecondFactorCodeTests(fixture), IClassFixture<SqliteMfaCodeServer>;

public sealed class PostgresSecondFactorCodeTests(PostgresMfaCodeServer fixture) : SecondFactorCodeTests(fixture), IClassFixture<PostgresMfaCodeServer>;
