// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.Codes;

/// <summary>Issue 6: account recovery with an e-mailed code, over real HTTP and a real SMTP conversation.</summary>
public abstract class RecoveryFlowTests(CodeFlowServer fixture)
{
    private const string Password = "the original passphrase 1";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task NewFlow_NamesTheMethodInUseAsActive_AsKratosDoes()
    {
        // Kratos sets `active` to the configured method when it creates the flow; Ory Elements reads it to choose the
        // form it shows (no `active` on a fresh flow: "unknown form state" and no form at all).
        using var flow = await NewApiFlowAsync(Server, "recovery");

        flow.RootElement.GetProperty("state").GetString().ShouldBe("choose_method");
        flow.RootElement.GetProperty("active").GetString().ShouldBe("code");
    }

    [Fact]
    public async Task ApiClient_RecoversWithTheEmailedCode_SetsANewPassword_AndLogsInWithIt()
    {
        var email = NewEmail();
        var identityId = await TestIdentities.CreateAsync(Server, email, Password);
        var flowId = await NewFlowIdAsync();

        using var sent = await SubmitAsync(Server, "recovery", flowId, new { method = "code", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        using (var flow = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()))
        {
            flow.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
            FlowJson.MessageIds(flow.RootElement).ShouldBe([1060003]);
        }

        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        using var recovered = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });

        recovered.StatusCode.ShouldBe(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
        using var done = JsonDocument.Parse(await recovered.Content.ReadAsStringAsync());
        done.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
        FlowJson.MessageIds(done.RootElement).ShouldBe([1060001]);
        var continueWith = done.RootElement.GetProperty("continue_with");
        continueWith[0].GetProperty("action").GetString().ShouldBe("set_ory_session_token");
        continueWith[1].GetProperty("action").GetString().ShouldBe("show_settings_ui");
        var token = continueWith[0].GetProperty("ory_session_token").GetString()!;
        var settingsFlowId = continueWith[1].GetProperty("flow").GetProperty("id").GetString()!;
        using (var whoami = WithToken(HttpMethod.Get, "/sessions/whoami", token))
        {
            using var session = await Server.Public.SendAsync(whoami);
            session.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
            json.RootElement.GetProperty("identity").GetProperty("id").GetGuid().ShouldBe(identityId);
            json.RootElement.GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("code_recovery");
        }

        // The recovered session authenticated just now, so it is privileged: the settings flow takes the new password.
        const string newPassword = "a brand new passphrase 2";
        using (var settings = WithToken(HttpMethod.Post, $"/self-service/settings?flow={settingsFlowId}", token))
        {
            settings.Content = JsonContent.Create(new { method = "password", password = newPassword });
            using var saved = await Server.Public.SendAsync(settings);
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            using var flow = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
            flow.RootElement.GetProperty("state").GetString().ShouldBe("success");
        }

        using var oldLogin = await LoginAsync(Server, email, Password);
        oldLogin.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var newLogin = await LoginAsync(Server, email, newPassword);
        newLogin.StatusCode.ShouldBe(HttpStatusCode.OK, await newLogin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Browser_RecoversWithTheCode_IsSignedInAndSentToSettings()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var browser = new BrowserClient(Server.PublicUrl);
        using var start = await browser.GetAsync("/self-service/recovery/browser");
        start.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var flowId = FlowJson.FlowIdFromLocation(start);
        using var flow = await browser.GetFlowAsync("recovery", flowId);
        var csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;

        using var sent = await browser.PostFormAsync($"/self-service/recovery?flow={flowId}", Form(("csrf_token", csrf), ("method", "code"), ("email", email)));
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        sent.Headers.Location!.Query.ShouldContain(flowId);
        var code = await DeliverCodeAsync(Server, fixture.Sink, email);
        using var recovered = await browser.PostFormAsync($"/self-service/recovery?flow={flowId}", Form(("csrf_token", csrf), ("method", "code"), ("code", code)));

        recovered.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        recovered.Headers.Location!.AbsolutePath.ShouldBe("/ui/settings");
        browser.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"].ShouldNotBeNull();

        // The settings flow already exists for the new session and says why the user is there (1060001).
        var settingsFlowId = FlowJson.FlowIdFromLocation(recovered);
        using var settings = await browser.GetFlowAsync("settings", settingsFlowId);
        FlowJson.MessageIds(settings.RootElement).ShouldBe([1060001]);
        const string newPassword = "a browser chosen passphrase 3";
        using var saved = await browser.PostFormAsync($"/self-service/settings?flow={settingsFlowId}",
            Form(("csrf_token", FlowJson.NodeValue(settings.RootElement, "csrf_token")!), ("method", "password"), ("password", newPassword)));
        saved.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var newLogin = await LoginAsync(Server, email, newPassword);
        newLogin.StatusCode.ShouldBe(HttpStatusCode.OK, await newLogin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedIn_StartingRecovery_IsRefusedAsKratosDoes()
    {
        var identityId = await TestIdentities.CreateAsync(Server, NewEmail(), Password);
        var (apiFlowId, apiCode) = await AdminCodeAsync(identityId, "api");
        using var apiRecovered = await SubmitAsync(Server, "recovery", apiFlowId, new { method = "code", code = apiCode });
        using var apiDone = JsonDocument.Parse(await apiRecovered.Content.ReadAsStringAsync());
        var token = apiDone.RootElement.GetProperty("continue_with")[0].GetProperty("ory_session_token").GetString()!;
        using var api = WithToken(HttpMethod.Get, "/self-service/recovery/api", token);

        using var refused = await Server.Public.SendAsync(api);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_already_available");

        // A signed-in browser navigating to recovery is sent back to where it would go after signing in instead.
        var (browserFlowId, browserCode) = await AdminCodeAsync(identityId, "browser");
        using var browser = new BrowserClient(Server.PublicUrl);
        using var recovered = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/recovery?flow={browserFlowId}", new { method = "code", code = browserCode });
        browser.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"].ShouldNotBeNull();
        using var navigated = await browser.GetAsync("/self-service/recovery/browser");
        navigated.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        navigated.Headers.Location!.AbsolutePath.ShouldBe("/ui/welcome");
    }

    [Fact]
    public async Task Browser_SubmitWithoutTheCsrfToken_IsRefusedAndSendsNothing()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var browser = new BrowserClient(Server.PublicUrl);
        using var start = await browser.GetAsync("/self-service/recovery/browser");
        var flowId = FlowJson.FlowIdFromLocation(start);

        using var forged = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/recovery?flow={flowId}", new { method = "code", email });

        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forged.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_csrf_violation");
        (await OutboxTemplatesAsync(Server, email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownAddress_AnswersExactlyLikeAKnownOne_AndSendsNothing()
    {
        var known = NewEmail();
        var unknown = NewEmail();
        await TestIdentities.CreateAsync(Server, known, Password);

        using var a = await SubmitAsync(Server, "recovery", await NewFlowIdAsync(), new { method = "code", email = known });
        using var b = await SubmitAsync(Server, "recovery", await NewFlowIdAsync(), new { method = "code", email = unknown });

        b.StatusCode.ShouldBe(a.StatusCode);
        HeaderNames(b).ShouldBe(HeaderNames(a));
        b.Content.Headers.ContentType!.ToString().ShouldBe(a.Content.Headers.ContentType!.ToString());
        Normalized(await b.Content.ReadAsStringAsync(), unknown).ShouldBe(Normalized(await a.Content.ReadAsStringAsync(), known));
        await DeliverAsync(Server);
        (await OutboxTemplatesAsync(Server, known)).ShouldBe(["recovery_code_valid"]);
        (await OutboxTemplatesAsync(Server, unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownAddress_WithNotifyUnknownRecipients_GetsTheInvalidTemplateWithoutACode()
    {
        await using var sink = SmtpSink.Start();
        var settings = SettingsFor(sink);
        settings["selfservice.flows.recovery.notify_unknown_recipients"] = "true";
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, settings);
        var unknown = NewEmail();
        using var flow = await NewApiFlowAsync(server, "recovery");

        using var sent = await SubmitAsync(server, "recovery", flow.RootElement.GetProperty("id").GetString()!, new { method = "code", email = unknown });

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        await DeliverAsync(server);
        (await OutboxTemplatesAsync(server, unknown)).ShouldBe(["recovery_code_invalid"]);
        (await sink.WaitForMessageAsync(unknown)).TextBody.ShouldNotMatch(@"\b\d{6}\b");
    }

    [Fact]
    public async Task WrongCode_Gives4060006_AndTheRightCodeStillWorks()
    {
        var (flowId, code) = await SentFlowAsync();

        using var wrong = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code = Other(code) });

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var flow = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()))
        {
            FlowJson.MessageIds(flow.RootElement).ShouldBe([4060006]);
            flow.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
        }

        using var right = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var retried = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        FlowJson.MessageIds(retried.RootElement).ShouldBe([4060001]);
    }

    [Fact]
    public async Task FiveWrongCodes_ThenEvenTheRightCodeIsRefusedAndTheFlowReplaced()
    {
        var (flowId, code) = await SentFlowAsync();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code = Other(code) });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var right = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });

        right.StatusCode.ShouldBe(HttpStatusCode.Gone);
        right.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_flow_replaced");
    }

    [Fact]
    public async Task ExpiredCode_IsRefusedWith4060006()
    {
        var (flowId, code) = await SentFlowAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(11));

        using var late = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });

        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var flow = JsonDocument.Parse(await late.Content.ReadAsStringAsync());
        FlowJson.MessageIds(flow.RootElement).ShouldBe([4060006]);
    }

    [Fact]
    public async Task ExpiredFlow_AnswersWithAReplacementCarrying4060005()
    {
        var (flowId, code) = await SentFlowAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(61));

        using var late = await SubmitAsync(Server, "recovery", flowId, new { method = "code", code });

        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // an expired API flow: 400 with its replacement (DESIGN.md)
        using var replacement = JsonDocument.Parse(await late.Content.ReadAsStringAsync());
        replacement.RootElement.GetProperty("id").GetString().ShouldNotBe(flowId);
        replacement.RootElement.GetProperty("state").GetString().ShouldBe("choose_method");
        FlowJson.MessageIds(replacement.RootElement).ShouldBe([4060005]);
    }

    [Fact]
    public async Task AdminRecoveryCode_Answers201_AndTheCodeSignsTheUserIn()
    {
        var identityId = await TestIdentities.CreateAsync(Server, NewEmail(), Password);

        using var created = await Server.Admin.PostAsJsonAsync("/admin/recovery/code", new { identity_id = identityId, expires_in = "30m" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var code = body.RootElement.GetProperty("recovery_code").GetString()!;
        code.ShouldMatch(@"^\d{6}$");
        var link = new Uri(body.RootElement.GetProperty("recovery_link").GetString()!);
        var flowId = System.Web.HttpUtility.ParseQueryString(link.Query)["flow"]!;
        body.RootElement.GetProperty("expires_at").GetDateTimeOffset().ShouldBe(Server.Clock.GetUtcNow().AddMinutes(30), TimeSpan.FromSeconds(1));

        // The flow was made for a browser the administrator cannot know: it is not bound to a CSRF cookie.
        using var browser = new BrowserClient(Server.PublicUrl);
        using var flow = await browser.GetFlowAsync("recovery", flowId);
        flow.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
        using var recovered = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/recovery?flow={flowId}", new { method = "code", code });

        recovered.StatusCode.ShouldBe((HttpStatusCode)422, await recovered.Content.ReadAsStringAsync());
        using var redirect = JsonDocument.Parse(await recovered.Content.ReadAsStringAsync());
        redirect.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("browser_location_change_required");
        new Uri(redirect.RootElement.GetProperty("redirect_browser_to").GetString()!).AbsolutePath.ShouldBe("/ui/settings");
        browser.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"].ShouldNotBeNull();
    }

    [Fact]
    public async Task AdminRecoveryCode_UnknownIdentity_Is404_AndBadDuration_Is400()
    {
        using var unknown = await Server.Admin.PostAsJsonAsync("/admin/recovery/code", new { identity_id = Guid.NewGuid() });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var identityId = await TestIdentities.CreateAsync(Server, NewEmail());
        using var bad = await Server.Admin.PostAsJsonAsync("/admin/recovery/code", new { identity_id = identityId, expires_in = "soon" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<(string FlowId, string Code)> SentFlowAsync()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        var flowId = await NewFlowIdAsync();
        using var sent = await SubmitAsync(Server, "recovery", flowId, new { method = "code", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (flowId, await DeliverCodeAsync(Server, fixture.Sink, email));
    }

    private async Task<string> NewFlowIdAsync()
    {
        using var flow = await NewApiFlowAsync(Server, "recovery");
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<(string FlowId, string Code)> AdminCodeAsync(Guid identityId, string flowType)
    {
        using var created = await Server.Admin.PostAsJsonAsync("/admin/recovery/code", new { identity_id = identityId, flow_type = flowType });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var link = new Uri(body.RootElement.GetProperty("recovery_link").GetString()!);
        return (System.Web.HttpUtility.ParseQueryString(link.Query)["flow"]!, body.RootElement.GetProperty("recovery_code").GetString()!);
    }

    private static HttpRequestMessage WithToken(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Session-Token", token);
        return request;
    }

    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] Form(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToArray();

    private static List<string> HeaderNames(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key)).Where(k => k != "Content-Length").Order().ToList();

    /// <summary>The body with ids, instants and the typed address blanked: what remains must be byte-identical.</summary>
    private static string Normalized(string body, string email) => System.Text.RegularExpressions.Regex.Replace(
        body.Replace(email, "<email>", StringComparison.Ordinal),
        @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})",
        "<x>");
}

public sealed class SqliteRecoveryFlowTests(SqliteCodeFlowServer fixture) : RecoveryFlowTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresRecoveryFlowTests(PostgresCodeFlowServer fixture) : RecoveryFlowTests(fixture), IClassFixture<PostgresCodeFlowServer>;
