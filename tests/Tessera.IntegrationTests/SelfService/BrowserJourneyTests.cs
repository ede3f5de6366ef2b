// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService;

/// <summary>Issue 5 for browsers without JavaScript: 303s, cookies, forms, CSRF.</summary>
public abstract class BrowserJourneyTests(FlowServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Browser_RegistersLogsOutLogsInAndLogsOut_ThroughRedirectsWithCsrf()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var email = $"browser-{Guid.NewGuid():N}@example.com";

        var registration = await StartAsync(browser, "registration");
        using (var flow = await browser.GetFlowAsync("registration", registration))
        {
            using var registered = await browser.PostFormAsync(Action(flow), Form(flow, ("method", "password"), ("traits.email", email), ("password", Password)));
            registered.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await registered.Content.ReadAsStringAsync());
            registered.Headers.Location!.AbsolutePath.ShouldBe("/ui/welcome");
        }

        (await WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.OK);
        await LogoutAsync(browser);
        (await WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.Unauthorized);

        var login = await StartAsync(browser, "login");
        using (var flow = await browser.GetFlowAsync("login", login))
        {
            using var loggedIn = await browser.PostFormAsync(Action(flow), Form(flow, ("method", "password"), ("identifier", email), ("password", Password)));
            loggedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        (await WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.OK);
        await LogoutAsync(browser);
        (await WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Browser_WrongPassword_IsSentBackToTheFormWhichShows4000006()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var login = await StartAsync(browser, "login");
        using var flow = await browser.GetFlowAsync("login", login);

        using var response = await browser.PostFormAsync(Action(flow), Form(flow, ("method", "password"), ("identifier", "nobody@example.com"), ("password", "wrong password 1")));

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        FlowJson.FlowIdFromLocation(response).ShouldBe(login);
        using var rendered = await browser.GetFlowAsync("login", login);
        FlowJson.MessageIds(rendered.RootElement).ShouldBe([4000006]);
        FlowJson.NodeValue(rendered.RootElement, "identifier").ShouldBe("nobody@example.com");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged-token-value-that-is-long-enough-000000")]
    public async Task Browser_PostWithMissingOrWrongCsrfToken_Is403SecurityCsrfViolation(string? token)
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var login = await StartAsync(browser, "login");
        using var flow = await browser.GetFlowAsync("login", login);
        var fields = new List<KeyValuePair<string, string>> { new("method", "password"), new("identifier", "a@example.com"), new("password", Password) };
        if (token is not null)
        {
            fields.Add(new("csrf_token", token));
        }

        using var response = await browser.SendJsonAsync(HttpMethod.Post, Action(flow), fields.ToDictionary(f => f.Key, f => f.Value));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_csrf_violation");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("details").GetProperty("reject_reason").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Browser_FlowSubmittedFromAnotherBrowser_Is403()
    {
        using var victim = new BrowserClient(Server.PublicUrl);
        using var attacker = new BrowserClient(Server.PublicUrl);
        var login = await StartAsync(victim, "login");
        using var flow = await victim.GetFlowAsync("login", login);
        await StartAsync(attacker, "login");

        // The attacker has a CSRF cookie of its own and copies its own token into the victim's flow.
        var attackerToken = attacker.Cookies.GetCookies(Server.PublicUrl)[Server.CsrfCookieName]!.Value;
        using var response = await attacker.PostFormAsync(Action(flow),
            [new("csrf_token", attackerToken), new("method", "password"), new("identifier", "a@example.com"), new("password", Password)]);

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_csrf_violation");
    }

    [Theory]
    [InlineData("login", 4010001)]
    [InlineData("registration", 4040001)]
    public async Task Browser_ExpiredFlow_ScriptsGet410WithUseFlowIdAndHtmlBrowsersA303ToTheReplacement(string kind, long message)
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var first = await StartAsync(browser, kind);
        using var flow = await browser.GetFlowAsync(kind, first);
        Server.Clock.Advance(TimeSpan.FromSeconds(2));

        using var script = await browser.SendJsonAsync(HttpMethod.Post, Action(flow),
            new Dictionary<string, object> { ["csrf_token"] = FlowJson.NodeValue(flow.RootElement, "csrf_token")!, ["method"] = "password" });
        script.StatusCode.ShouldBe(HttpStatusCode.Gone);
        using var error = JsonDocument.Parse(await script.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("self_service_flow_expired");
        var useFlowId = error.RootElement.GetProperty("use_flow_id").GetString()!;
        error.RootElement.TryGetProperty("expired_at", out _).ShouldBeTrue();
        using (var replacement = await browser.GetFlowAsync(kind, useFlowId))
        {
            FlowJson.MessageIds(replacement.RootElement).ShouldBe([message]);
        }

        using var html = await browser.PostFormAsync(Action(flow), Form(flow, ("method", "password")));
        html.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var next = FlowJson.FlowIdFromLocation(html);
        next.ShouldNotBe(first);
        using var shown = await browser.GetFlowAsync(kind, next);
        FlowJson.MessageIds(shown.RootElement).ShouldBe([message]);
    }

    [Fact]
    public async Task Browser_UnknownFlowId_IsSentToTheErrorUiWhichCanReadTheError()
    {
        using var browser = new BrowserClient(Server.PublicUrl);

        using var response = await browser.GetAsync($"/self-service/login/flows?id={Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var location = new Uri(Server.PublicUrl, response.Headers.Location!);
        location.AbsolutePath.ShouldBe("/ui/error");
        var id = System.Web.HttpUtility.ParseQueryString(location.Query)["id"];
        using var error = await Server.Public.GetAsync($"/self-service/errors?id={id}");
        using var body = JsonDocument.Parse(await error.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("self_service_flow_not_found");
    }

    private static async Task<string> StartAsync(BrowserClient browser, string kind)
    {
        using var response = await browser.GetAsync($"/self-service/{kind}/browser");
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.AbsolutePath.ShouldBe($"/ui/{kind}");
        return FlowJson.FlowIdFromLocation(response);
    }

    private static string Action(JsonDocument flow) => flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;

    private static List<KeyValuePair<string, string>> Form(JsonDocument flow, params (string Name, string Value)[] fields) =>
        [new("csrf_token", FlowJson.NodeValue(flow.RootElement, "csrf_token")!), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    private async Task<HttpStatusCode> WhoamiStatusAsync(BrowserClient browser)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        return response.StatusCode;
    }

    private static async Task LogoutAsync(BrowserClient browser)
    {
        using var urlResponse = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/logout/browser", null);
        urlResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await urlResponse.Content.ReadAsStringAsync());
        using var logout = await browser.GetAsync(body.RootElement.GetProperty("logout_url").GetString()!);
        logout.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var again = await browser.GetAsync(body.RootElement.GetProperty("logout_url").GetString()!);
        again.Headers.Location!.OriginalString.ShouldContain("/ui/error?id=", Case.Sensitive, "a used logout link is an error, shown on the error page");
    }
}

public sealed class SqliteBrowserJourneyTests(SqliteFlowServer fixture) : BrowserJourneyTests(fixture), IClassFixture<SqliteFlowServer>;

public sealed class PostgresBrowserJourneyTests(PostgresFlowServer fixture) : BrowserJourneyTests(fixture), IClassFixture<PostgresFlowServer>;
