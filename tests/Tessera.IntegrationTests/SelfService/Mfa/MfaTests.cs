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
    private const string Password = "a long enough passphrase 42";

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

    /// <summary>Links an authenticator app in settings; returns its base32 secret as the flow showed it.</summary>
    private async Task<string> EnableTotpAsync(string token)
    {
        using var flow = await SendAsync(HttpMethod.Get, "/self-service/settings/api", token, null);
        var json = await JsonAsync(flow);
        var nodes = json.GetProperty("ui").GetProperty("nodes").EnumerateArray().ToList();
        nodes.Single(n => n.GetProperty("attributes").TryGetProperty("id", out var id) && id.GetString() == "totp_qr")
            .GetProperty("attributes").GetProperty("src").GetString()!.ShouldStartWith("data:image/png;base64,");
        var secret = nodes.Single(n => n.GetProperty("attributes").TryGetProperty("id", out var id) && id.GetString() == "totp_secret_key")
            .GetProperty("attributes").GetProperty("text").GetProperty("context").GetProperty("secret").GetString()!;

        using var linked = await SendAsync(HttpMethod.Post, $"/self-service/settings?flow={json.GetProperty("id").GetString()}", token,
            new { method = "totp", totp_code = TestTotp.Code(secret, Server.Clock.GetUtcNow()) });
        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        (await JsonAsync(linked)).GetProperty("state").GetString().ShouldBe("success");
        return secret;
    }

    private async Task<HttpResponseMessage> SecondFactorAsync(string token, object body)
    {
        using var created = await SendAsync(HttpMethod.Get, "/self-service/login/api?aal=aal2", token, null);
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var flow = await JsonAsync(created);
        flow.GetProperty("requested_aal").GetString().ShouldBe("aal2");
        return await SendAsync(HttpMethod.Post, $"/self-service/login?flow={flow.GetProperty("id").GetString()}", token, body);
    }

    private static List<string> CodesFrom(JsonElement flow) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("attributes").TryGetProperty("id", out var id) && id.GetString() == "lookup_secret_codes")
            .GetProperty("attributes").GetProperty("text").GetProperty("context").GetProperty("secrets").GetString()!
            .Split(", ").ToList();

    private async Task<(string Email, string Token)> RegisterAsync()
    {
        var email = $"mfa-{Guid.NewGuid():N}@example.com";
        using var created = await Server.Public.GetAsync("/self-service/registration/api");
        var flowId = (await JsonAsync(created)).GetProperty("id").GetString();
        using var response = await Server.Public.PostAsJsonAsync($"/self-service/registration?flow={flowId}",
            new { method = "password", password = Password, traits = new { email } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (email, (await JsonAsync(response)).GetProperty("session_token").GetString()!);
    }

    private async Task<string> LoginAsync(string email)
    {
        using var created = await Server.Public.GetAsync("/self-service/login/api");
        var flowId = (await JsonAsync(created)).GetProperty("id").GetString();
        using var response = await Server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password", identifier = email, password = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await JsonAsync(response);
        body.GetProperty("session").GetProperty("authenticator_assurance_level").GetString().ShouldBe("aal1");
        return body.GetProperty("session_token").GetString()!;
    }

    private async Task<string> NewSettingsFlowIdAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Get, "/self-service/settings/api", token, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Session-Token", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Server.Public.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<JsonElement> JsonDocumentAsync(HttpResponseMessage response) => await JsonAsync(response);
}

public sealed class SqliteMfaTests(SqliteMfaServer fixture) : MfaTests(fixture), IClassFixture<SqliteMfaServer>;

public sealed class PostgresMfaTests(PostgresMfaServer fixture) : MfaTests(fixture), IClassFixture<PostgresMfaServer>;
