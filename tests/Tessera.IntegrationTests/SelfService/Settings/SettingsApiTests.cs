// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Settings;

/// <summary>Issue 6, the settings flow for API clients (session tokens): seed rows A3 and B5, profile and password.</summary>
public abstract class SettingsApiTests(SettingsServer fixture)
{
    private const string Password = "a long enough passphrase 42";
    private const string NewPassword = "another quite long passphrase 7";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task PasswordChange_OldSession_RequiresRefreshThenSucceedsAndTheNewPasswordLogsIn()
    {
        var (email, token) = await RegisterAsync();
        var sessionId = await SessionIdAsync(token);
        Server.Clock.Advance(TimeSpan.FromMinutes(20));
        var flowId = await NewSettingsFlowIdAsync(token);

        using var refused = await SubmitAsync(flowId, token, new { method = "password", password = NewPassword });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await refused.Content.ReadAsStringAsync());
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_refresh_required");
        using (var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            var redirect = new Uri(body.RootElement.GetProperty("redirect_browser_to").GetString()!);
            redirect.AbsolutePath.ShouldBe("/self-service/login/browser");
            var query = HttpUtility.ParseQueryString(redirect.Query);
            query["refresh"].ShouldBe("true");
            query["return_to"]!.ShouldContain($"flow={flowId}");
        }

        // Re-authenticate: a refresh login of the same identity renews the session it already has.
        using (var refresh = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/api?refresh=true"))
        {
            refresh.Headers.Add("X-Session-Token", token);
            using var created = await Server.Public.SendAsync(refresh);
            created.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var loginFlow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            using var login = await PostAsync($"/self-service/login?flow={loginFlow.RootElement.GetProperty("id").GetString()}", token,
                new { method = "password", identifier = email, password = Password });
            login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        }

        (await SessionIdAsync(token)).ShouldBe(sessionId);
        using var saved = await SubmitAsync(flowId, token, new { method = "password", password = NewPassword });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        flow.RootElement.GetProperty("state").GetString().ShouldBe("success");
        FlowJson.MessageIds(flow.RootElement).ShouldBe([1050001]);
        (await LoginAsync(email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var old = await LoginAsync(email, Password);
        old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateFlow_CarriesTheIdentityAndEachMethodsForm()
    {
        var (email, token) = await RegisterAsync();

        using var flow = await GetSettingsFlowAsync(token);

        flow.RootElement.GetProperty("type").GetString().ShouldBe("api");
        flow.RootElement.GetProperty("state").GetString().ShouldBe("show_form");
        flow.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        flow.RootElement.GetProperty("identity").TryGetProperty("credentials", out _).ShouldBeFalse();
        flow.RootElement.GetProperty("continue_with").GetArrayLength().ShouldBe(0);
        FlowJson.NodeValue(flow.RootElement, "traits.email").ShouldBe(email);
        FlowJson.Node(flow.RootElement, "password").GetProperty("group").GetString().ShouldBe("password");
        var methods = flow.RootElement.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("attributes").GetProperty("name").GetString() == "method")
            .Select(n => n.GetProperty("attributes").GetProperty("value").GetString()).ToList();
        methods.ShouldBe(["profile", "password"]);
        using var fetched = await SendAsync(HttpMethod.Get, $"/self-service/settings/flows?id={flow.RootElement.GetProperty("id").GetString()}", token, null);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProfileUpdate_OfAPlainTrait_SavesWithAnOldSession()
    {
        var (email, token) = await RegisterAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(20));
        var flowId = await NewSettingsFlowIdAsync(token);

        using var saved = await SubmitAsync(flowId, token, new { method = "profile", traits = new { email, name = "Ada" } });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        flow.RootElement.GetProperty("state").GetString().ShouldBe("success");
        flow.RootElement.GetProperty("active").GetString().ShouldBe("profile");
        flow.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("name").GetString().ShouldBe("Ada");
        FlowJson.NodeValue(flow.RootElement, "traits.name").ShouldBe("Ada");
        using var whoami = await SendAsync(HttpMethod.Get, "/sessions/whoami", token, null);
        using var session = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        session.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("name").GetString().ShouldBe("Ada");
    }

    [Fact]
    public async Task ProfileUpdate_OfTheIdentifier_NeedsAPrivilegedSessionAndThenChangesTheLogin()
    {
        var (email, token) = await RegisterAsync();
        var newEmail = $"new-{email}";
        var flowId = await NewSettingsFlowIdAsync(token);

        using var saved = await SubmitAsync(flowId, token, new { method = "profile", traits = new { email = newEmail } });
        Server.Clock.Advance(TimeSpan.FromMinutes(20));
        using var refused = await SubmitAsync(await NewSettingsFlowIdAsync(token), token, new { method = "profile", traits = new { email } });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await LoginAsync(newEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_refresh_required");
    }

    [Fact]
    public async Task ProfileUpdate_ChangingTwoAddressesAtOnce_IsRefusedWith4050002()
    {
        var (email, token) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);

        using var response = await SubmitAsync(flowId, token,
            new { method = "profile", traits = new { email = $"a-{email}", backup_email = $"b-{email}" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        FlowJson.MessageIds(flow.RootElement).ShouldBe([4050002]);
        FlowJson.NodeValue(flow.RootElement, "traits.backup_email").ShouldBe($"b-{email}");
        flow.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
    }

    [Fact]
    public async Task Submit_InvalidValues_PutMessagesOnTheirNodes()
    {
        var (email, token) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);

        using var badTraits = await SubmitAsync(flowId, token, new { method = "profile", traits = new { email, name = new string('x', 40) } });
        using var shortPassword = await SubmitAsync(flowId, token, new { method = "password", password = "short" });
        using var noPassword = await SubmitAsync(flowId, token, new { method = "password" });
        using var noMethod = await SubmitAsync(flowId, token, new { method = "carrier-pigeon" });

        foreach (var response in new[] { badTraits, shortPassword, noPassword, noMethod })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        FlowJson.NodeMessageIds(await JsonAsync(badTraits), "traits.name").ShouldHaveSingleItem().ShouldBeInRange(4000001, 4000099);
        FlowJson.NodeMessageIds(await JsonAsync(shortPassword), "password").ShouldHaveSingleItem().ShouldBeInRange(4000001, 4000099);
        FlowJson.NodeMessageIds(await JsonAsync(noPassword), "password").ShouldBe([4000002]);
        FlowJson.MessageIds(await JsonAsync(noMethod)).ShouldBe([4010004]);
    }

    [Fact]
    public async Task Submit_ExpiredFlow_Answers400WithAReplacementCarrying4050001()
    {
        var (email, token) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);
        Server.Clock.Advance(TimeSpan.FromMinutes(11));

        using var response = await SubmitAsync(flowId, token, new { method = "profile", traits = new { email, name = "Late" } });
        using var fetched = await SendAsync(HttpMethod.Get, $"/self-service/settings/flows?id={flowId}", token, null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var replacement = await JsonAsync(response);
        replacement.GetProperty("id").GetString().ShouldNotBe(flowId);
        FlowJson.MessageIds(replacement).ShouldBe([4050001]);
        replacement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        fetched.StatusCode.ShouldBe(HttpStatusCode.Gone);
        fetched.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_flow_expired");
    }

    [Fact]
    public async Task Settings_WithoutASessionOrWithAnotherIdentitysSession_IsRefused()
    {
        var (_, token) = await RegisterAsync();
        var (_, otherToken) = await RegisterAsync();
        var flowId = await NewSettingsFlowIdAsync(token);

        using var create = await Server.Public.GetAsync("/self-service/settings/api");
        using var submit = await Server.Public.PostAsJsonAsync($"/self-service/settings?flow={flowId}", new { method = "password", password = NewPassword });
        using var other = await SubmitAsync(flowId, otherToken, new { method = "password", password = NewPassword });

        create.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        create.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_inactive");
        submit.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        other.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_identity_mismatch");
    }

    private async Task<(string Email, string Token)> RegisterAsync()
    {
        var email = $"settings-{Guid.NewGuid():N}@example.com";
        using var created = await Server.Public.GetAsync("/self-service/registration/api");
        var flowId = (await JsonAsync(created)).GetProperty("id").GetString();
        using var response = await Server.Public.PostAsJsonAsync($"/self-service/registration?flow={flowId}",
            new { method = "password", password = Password, traits = new { email } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (email, (await JsonAsync(response)).GetProperty("session_token").GetString()!);
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        using var created = await Server.Public.GetAsync("/self-service/login/api");
        var flowId = (await JsonAsync(created)).GetProperty("id").GetString();
        return await Server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password", identifier = email, password });
    }

    private async Task<string> SessionIdAsync(string token)
    {
        using var whoami = await SendAsync(HttpMethod.Get, "/sessions/whoami", token, null);
        whoami.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await JsonAsync(whoami)).GetProperty("id").GetString()!;
    }

    private async Task<JsonDocument> GetSettingsFlowAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Get, "/self-service/settings/api", token, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> NewSettingsFlowIdAsync(string token)
    {
        using var flow = await GetSettingsFlowAsync(token);
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> SubmitAsync(string flowId, string token, object body) =>
        PostAsync($"/self-service/settings?flow={flowId}", token, body);

    private Task<HttpResponseMessage> PostAsync(string url, string token, object body) => SendAsync(HttpMethod.Post, url, token, body);

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
}

public sealed class SqliteSettingsApiTests(SqliteSettingsServer fixture) : SettingsApiTests(fixture), IClassFixture<SqliteSettingsServer>;

public sealed class PostgresSettingsApiTests(PostgresSettingsServer fixture) : SettingsApiTests(fixture), IClassFixture<PostgresSettingsServer>;
