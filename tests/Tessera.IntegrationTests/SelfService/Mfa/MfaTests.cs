// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;

namespace Tessera.IntegrationTests.SelfService.Mfa;

/// <summary>Issue 7: TOTP, backup codes, AAL step-up (seed row A4) for API clients.</summary>
public abstract class MfaTests(MfaServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Totp_EnabledThenPasswordLoginIsAal1_WhoamiNeedsAal2_TotpStepUpGivesAal2()
    {
        var (email, token) = await RegisterAsync();
        var secret = await EnableTotpAsync(token);

        var aal1 = await LoginAsync(email);
        using var refused = await SendAsync(HttpMethod.Get, "/sessions/whoami", aal1, null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_aal2_required");
        (await JsonAsync(refused)).GetProperty("redirect_browser_to").GetString()!.ShouldContain("/self-service/login/browser?aal=aal2");

        Server.Clock.Advance(TimeSpan.FromSeconds(30));
        using var stepUp = await SecondFactorAsync(aal1, new { method = "totp", totp_code = TestTotp.Code(secret, Server.Clock.GetUtcNow()) });

        stepUp.StatusCode.ShouldBe(HttpStatusCode.OK, await stepUp.Content.ReadAsStringAsync());
        using var whoami = await SendAsync(HttpMethod.Get, "/sessions/whoami", aal1, null);
        whoami.StatusCode.ShouldBe(HttpStatusCode.OK);
        var session = await JsonAsync(whoami);
        session.GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal2");
        session.GetProperty("authentication_methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ShouldBe(["password", "totp"]);
        using var again = await SendAsync(HttpMethod.Get, "/self-service/login/api?aal=aal2", aal1, null);
        again.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_already_available");
    }

    [Fact]
    public async Task Totp_UnlinkWithoutALinkedApp_IsRerenderedWith4000011()
    {
        var (_, token) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);

        using var response = await SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "totp", totp_unlink = true });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        FlowJson.MessageIds(await JsonAsync(response)).ShouldBe([4000011]);
    }

    [Fact]
    public async Task Totp_LinkedInSettings_TheSessionThatLinkedItIsRaisedToAal2()
    {
        // Kratos: "since we added the method, it also means that we have authenticated it": the session that linked
        // the app gets a totp method at aal2, so whoami (required_aal highest_available) keeps answering it.
        var (_, token) = await RegisterAsync();
        await EnableTotpAsync(token);

        using var whoami = await SendAsync(HttpMethod.Get, "/sessions/whoami", token, null);

        whoami.StatusCode.ShouldBe(HttpStatusCode.OK, await whoami.Content.ReadAsStringAsync());
        var session = await JsonAsync(whoami);
        session.GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal2");
        session.GetProperty("authentication_methods").EnumerateArray()
            .Select(m => (m.GetProperty("method").GetString(), m.GetProperty("aal").GetString())).ShouldBe([("password", "aal1"), ("totp", "aal2")]);
    }

    [Fact]
    public async Task Totp_TheSameCodeTwice_TheSecondIsRefused()
    {
        var (email, token) = await RegisterAsync();
        var secret = await EnableTotpAsync(token);
        Server.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = TestTotp.Code(secret, Server.Clock.GetUtcNow());

        using var first = await SecondFactorAsync(await LoginAsync(email), new { method = "totp", totp_code = code });
        using var second = await SecondFactorAsync(await LoginAsync(email), new { method = "totp", totp_code = code });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FlowJson.NodeMessageIds(await JsonDocumentAsync(second), "totp_code").ShouldBe([4000008]);
    }

    [Fact]
    public async Task BackupCodes_EachWorksOnce_AndTheThirteenthAttemptIsExhausted()
    {
        var (email, token) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);
        using var regenerated = await SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "lookup_secret", lookup_secret_regenerate = true });
        regenerated.StatusCode.ShouldBe(HttpStatusCode.OK, await regenerated.Content.ReadAsStringAsync());
        var codes = CodesFrom(await JsonAsync(regenerated));
        codes.Count.ShouldBe(12);
        using var confirmed = await SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "lookup_secret", lookup_secret_confirm = true });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());

        foreach (var code in codes)
        {
            using var used = await SecondFactorAsync(await LoginAsync(email), new { method = "lookup_secret", lookup_secret = code });
            used.StatusCode.ShouldBe(HttpStatusCode.OK, await used.Content.ReadAsStringAsync());
        }

        var aal1 = await LoginAsync(email);
        using var exhausted = await SecondFactorAsync(aal1, new { method = "lookup_secret", lookup_secret = codes[0] });
        exhausted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FlowJson.NodeMessageIds(await JsonDocumentAsync(exhausted), "lookup_secret").ShouldBe([4000014]);
    }

    [Fact]
    public async Task BackupCodes_AUsedCode_IsRefusedWith4000012()
    {
        var (email, token) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);
        using var regenerated = await SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "lookup_secret", lookup_secret_regenerate = true });
        var codes = CodesFrom(await JsonAsync(regenerated));
        (await SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "lookup_secret", lookup_secret_confirm = true })).Dispose();

        using var first = await SecondFactorAsync(await LoginAsync(email), new { method = "lookup_secret", lookup_secret = codes[3] });
        using var reused = await SecondFactorAsync(await LoginAsync(email), new { method = "lookup_secret", lookup_secret = codes[3] });
        using var wrong = await SecondFactorAsync(await LoginAsync(email), new { method = "lookup_secret", lookup_secret = "notacode" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        FlowJson.NodeMessageIds(await JsonDocumentAsync(reused), "lookup_secret").ShouldBe([4000012]);
        FlowJson.NodeMessageIds(await JsonDocumentAsync(wrong), "lookup_secret").ShouldBe([4000016]);
    }

    [Fact]
    public async Task Totp_TheSecretIsNotReadableInTheDatabase()
    {
        var (_, token) = await RegisterAsync();
        var secret = await EnableTotpAsync(token);

        var database = Server.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync();
        var configs = (await connection.QueryAsync<string>("SELECT config FROM identity_credentials WHERE type = 'totp'")).ToList();

        configs.ShouldNotBeEmpty();
        foreach (var config in configs)
        {
            config.ShouldNotContain(secret);
            config.ShouldContain("aesgcm:");
        }

        var flows = await connection.QueryAsync<string>("SELECT internal_context FROM selfservice_flows WHERE kind = 'settings'");
        flows.ShouldAllBe(c => !c.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Totp_AWrongCodeWhenLinking_Puts4000008OnTheCodeField()
    {
        var (_, token) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);

        using var response = await SendAsync(HttpMethod.Post, $"/self-service/settings?flow={flowId}", token, new { method = "totp", totp_code = "000000" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        FlowJson.NodeMessageIds(await JsonDocumentAsync(response), "totp_code").ShouldBe([4000008]);
    }

    [Fact]
    public async Task Settings_WithAnAal1SessionOfAnIdentityWithTotp_Answers403Aal2Required()
    {
        var (email, token) = await RegisterAsync();
        await EnableTotpAsync(token);

        using var response = await SendAsync(HttpMethod.Get, "/self-service/settings/api", await LoginAsync(email), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_aal2_required");
        (await JsonAsync(response)).GetProperty("redirect_browser_to").GetString()!.ShouldContain("aal=aal2");
    }

    [Fact]
    public async Task StartUp_TotpWithoutCipherKeys_IsRefusedNamingSecretsCipher()
    {
        var settings = new Dictionary<string, string> { ["selfservice.methods.totp.enabled"] = "true" };

        var error = await Should.ThrowAsync<Exception>(() => TesseraTestServer.StartAsync(fixture.Kind, settings));

        error.ToString().ShouldContain("secrets.cipher");
    }

    private Task<string> EnableTotpAsync(string token) => MfaJourney.EnableTotpAsync(Server, token);

    private Task<HttpResponseMessage> SecondFactorAsync(string token, object body) => MfaJourney.SecondFactorAsync(Server, token, body);

    private static List<string> CodesFrom(JsonElement flow) => MfaJourney.CodesFrom(flow);

    private Task<(string Email, string Token)> RegisterAsync() => MfaJourney.RegisterAsync(Server);

    private Task<string> LoginAsync(string email) => MfaJourney.LoginAsync(Server, email);

    private Task<string> NewSettingsFlowIdAsync(string token) => MfaJourney.NewSettingsFlowIdAsync(Server, token);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? body) => MfaJourney.SendAsync(Server, method, url, token, body);

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response) => MfaJourney.JsonAsync(response);

    private static Task<JsonElement> JsonDocumentAsync(HttpResponseMessage response) => MfaJourney.JsonAsync(response);
}

public sealed class SqliteMfaTests(SqliteMfaServer fixture) : MfaTests(fixture), IClassFixture<SqliteMfaServer>;

public sealed class PostgresMfaTests(PostgresMfaServer fixture) : MfaTests(fixture), IClassFixture<PostgresMfaServer>;
