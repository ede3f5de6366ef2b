// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using System.Web;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Settings;

/// <summary>Issue 6, the settings flow for browsers without JavaScript: 303s, cookies, CSRF, re-authentication.</summary>
public abstract class SettingsBrowserTests(SettingsServer fixture)
{
    private const string Password = "a long enough passphrase 42";
    private const string NewPassword = "another quite long passphrase 7";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Browser_WithoutASession_IsSentToLoginWhichReturnsToSettings()
    {
        using var browser = new BrowserClient(Server.PublicUrl);

        using var response = await browser.GetAsync("/self-service/settings/browser");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.ShouldBe("/self-service/login/browser");
        HttpUtility.ParseQueryString(response.Headers.Location.Query)["return_to"]!.ShouldEndWith("/self-service/settings/browser");
    }

    [Fact]
    public async Task Browser_OldSessionChangingPassword_ReauthenticatesThroughLoginAndTheChangeSucceeds()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var email = await RegisterAsync(browser);
        var sessionCookie = SessionCookie(browser);
        Server.Clock.Advance(TimeSpan.FromMinutes(20));
        var settings = await StartSettingsAsync(browser);

        using (var flow = await browser.GetFlowAsync("settings", settings))
        {
            using var refused = await browser.PostFormAsync(Action(flow), Form(flow, ("method", "password"), ("password", NewPassword)));
            refused.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            refused.Headers.Location!.AbsolutePath.ShouldBe("/self-service/login/browser");
            var query = HttpUtility.ParseQueryString(refused.Headers.Location.Query);
            query["refresh"].ShouldBe("true");
            using var login = await browser.GetAsync(refused.Headers.Location.PathAndQuery);
            login.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await login.Content.ReadAsStringAsync());
            using var loginFlow = await browser.GetFlowAsync("login", FlowJson.FlowIdFromLocation(login));
            loginFlow.RootElement.GetProperty("refresh").GetBoolean().ShouldBeTrue();
            using var loggedIn = await browser.PostFormAsync(Action(loginFlow), Form(loginFlow, ("method", "password"), ("identifier", email), ("password", Password)));
            loggedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            loggedIn.Headers.Location!.AbsoluteUri.ShouldBe(query["return_to"]);
            FlowJson.FlowIdFromLocation(loggedIn).ShouldBe(settings);
        }

        SessionCookie(browser).ShouldBe(sessionCookie, "re-authentication renews the session, it does not issue another");
        using (var flow = await browser.GetFlowAsync("settings", settings))
        {
            using var saved = await browser.PostFormAsync(Action(flow), Form(flow, ("method", "password"), ("password", NewPassword)));
            saved.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            FlowJson.FlowIdFromLocation(saved).ShouldBe(settings);
        }

        using var done = await browser.GetFlowAsync("settings", settings);
        done.RootElement.GetProperty("state").GetString().ShouldBe("success");
        FlowJson.MessageIds(done.RootElement).ShouldBe([1050001]);
    }

    [Fact]
    public async Task Browser_SubmitWithoutTheCsrfToken_Is403SecurityCsrfViolation()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        await RegisterAsync(browser);
        var settings = await StartSettingsAsync(browser);
        using var flow = await browser.GetFlowAsync("settings", settings);

        using var response = await browser.SendJsonAsync(HttpMethod.Post, Action(flow), new { method = "password", password = NewPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_csrf_violation");
    }

    [Fact]
    public async Task Browser_ExpiredFlow_Json410WithUseFlowIdAndHtml303ToTheReplacement()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var email = await RegisterAsync(browser);
        var first = await StartSettingsAsync(browser);
        var second = await StartSettingsAsync(browser);
        using var firstFlow = await browser.GetFlowAsync("settings", first);
        using var secondFlow = await browser.GetFlowAsync("settings", second);
        Server.Clock.Advance(TimeSpan.FromMinutes(11));

        using var json = await browser.SendJsonAsync(HttpMethod.Post, Action(firstFlow),
            new { method = "profile", csrf_token = FlowJson.NodeValue(firstFlow.RootElement, "csrf_token"), traits = new { email } });
        using var html = await browser.PostFormAsync(Action(secondFlow), Form(secondFlow, ("method", "profile"), ("traits.email", email)));

        json.StatusCode.ShouldBe(HttpStatusCode.Gone);
        json.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_flow_expired");
        using var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var useFlowId = body.RootElement.GetProperty("use_flow_id").GetString()!;
        useFlowId.ShouldNotBe(first);
        using var replacement = await browser.GetFlowAsync("settings", useFlowId);
        FlowJson.MessageIds(replacement.RootElement).ShouldBe([4050001]);
        html.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        html.Headers.Location!.AbsolutePath.ShouldBe("/ui/settings");
        FlowJson.FlowIdFromLocation(html).ShouldNotBe(second);
    }

    private async Task<string> RegisterAsync(BrowserClient browser)
    {
        var email = $"settings-browser-{Guid.NewGuid():N}@example.com";
        using var started = await browser.GetAsync("/self-service/registration/browser");
        using var flow = await browser.GetFlowAsync("registration", FlowJson.FlowIdFromLocation(started));
        using var registered = await browser.PostFormAsync(Action(flow), Form(flow, ("method", "password"), ("traits.email", email), ("password", Password)));
        registered.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await registered.Content.ReadAsStringAsync());
        return email;
    }

    private static async Task<string> StartSettingsAsync(BrowserClient browser)
    {
        using var response = await browser.GetAsync("/self-service/settings/browser");
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.AbsolutePath.ShouldBe("/ui/settings");
        return FlowJson.FlowIdFromLocation(response);
    }

    private string? SessionCookie(BrowserClient browser) =>
        browser.Cookies.GetCookies(Server.PublicUrl).FirstOrDefault(c => c.Name == "ory_kratos_session")?.Value;

    private static string Action(JsonDocument flow) => flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;

    private static List<KeyValuePair<string, string>> Form(JsonDocument flow, params (string Name, string Value)[] fields) =>
        [new("csrf_token", FlowJson.NodeValue(flow.RootElement, "csrf_token")!), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
}

public sealed class SqliteSettingsBrowserTests(SqliteSettingsServer fixture) : SettingsBrowserTests(fixture), IClassFixture<SqliteSettingsServer>;

public sealed class PostgresSettingsBrowserTests(PostgresSettingsServer fixture) : SettingsBrowserTests(fixture), IClassFixture<PostgresSettingsServer>;
