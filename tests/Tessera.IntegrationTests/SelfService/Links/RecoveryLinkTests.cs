// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;
using static Tessera.IntegrationTests.SelfService.Links.LinkFlowServer;

namespace Tessera.IntegrationTests.SelfService.Links;

/// <summary>Issue 16: account recovery with an e-mailed one-time link (<c>selfservice.flows.recovery.use: link</c>).</summary>
public abstract class RecoveryLinkTests(LinkFlowServer fixture)
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
        flow.RootElement.GetProperty("active").GetString().ShouldBe("link");
    }

    [Fact]
    public async Task ApiFlow_EmailsALink_OpeningItInABrowserSignsInAndGoesToSettings()
    {
        var email = NewLinkEmail();
        var identityId = await TestIdentities.CreateAsync(Server, email, Password);
        using var created = await NewApiFlowAsync(Server, "recovery");
        FlowJson.Node(created.RootElement, "method").GetProperty("attributes").GetProperty("value").GetString().ShouldBe("link");
        var flowId = created.RootElement.GetProperty("id").GetString()!;

        using var sent = await SubmitAsync(Server, "recovery", flowId, new { method = "link", email });

        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        using (var flow = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()))
        {
            flow.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
            flow.RootElement.GetProperty("active").GetString().ShouldBe("link");
            FlowJson.MessageIds(flow.RootElement).ShouldBe([1060002]);
        }

        var link = await DeliverLinkAsync(Server, fixture.Sink, email, "recovery");
        (await OutboxTemplatesAsync(Server, email)).ShouldBe(["recovery_valid"]);
        using var browser = new BrowserClient(Server.PublicUrl);
        using var opened = await browser.GetAsync(link.PathAndQuery);

        ShouldBeRedirectTo(opened, "/ui/settings");
        browser.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"].ShouldNotBeNull();
        using var settings = await browser.GetFlowAsync("settings", FlowJson.FlowIdFromLocation(opened));
        FlowJson.MessageIds(settings.RootElement).ShouldBe([1060001]);
        using var whoami = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        using var session = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        session.RootElement.GetProperty("identity").GetProperty("id").GetGuid().ShouldBe(identityId);
        session.RootElement.GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("link_recovery");
    }

    [Fact]
    public async Task BrowserFlow_FormPostSendsTheLink_ThenTheLinkSignsInAndANewPasswordWorks()
    {
        var email = NewLinkEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var browser = new BrowserClient(Server.PublicUrl);
        using var start = await browser.GetAsync("/self-service/recovery/browser");
        var flowId = FlowJson.FlowIdFromLocation(start);
        using var flow = await browser.GetFlowAsync("recovery", flowId);
        var csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;

        using var sent = await browser.PostFormAsync($"/self-service/recovery?flow={flowId}", Form(("csrf_token", csrf), ("method", "link"), ("email", email)));

        ShouldBeRedirectTo(sent, "/ui/recovery");
        using (var shown = await browser.GetFlowAsync("recovery", flowId))
        {
            FlowJson.MessageIds(shown.RootElement).ShouldBe([1060002]);
        }

        using var opened = await browser.GetAsync((await DeliverLinkAsync(Server, fixture.Sink, email, "recovery")).PathAndQuery);
        ShouldBeRedirectTo(opened, "/ui/settings");
        var settingsFlowId = FlowJson.FlowIdFromLocation(opened);
        using var settings = await browser.GetFlowAsync("settings", settingsFlowId);
        const string newPassword = "a link chosen passphrase 3";
        using var saved = await browser.PostFormAsync($"/self-service/settings?flow={settingsFlowId}",
            Form(("csrf_token", FlowJson.NodeValue(settings.RootElement, "csrf_token")!), ("method", "password"), ("password", newPassword)));
        saved.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var newLogin = await LoginAsync(Server, email, newPassword);
        newLogin.StatusCode.ShouldBe(HttpStatusCode.OK, await newLogin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LinkOpenedTwice_TheSecondTimeLeadsToANewFlowWith4060004()
    {
        var link = await SentLinkAsync();
        using var first = new BrowserClient(Server.PublicUrl);
        using var used = await first.GetAsync(link.PathAndQuery);
        ShouldBeRedirectTo(used, "/ui/settings");

        using var second = new BrowserClient(Server.PublicUrl);
        using var again = await second.GetAsync(link.PathAndQuery);

        ShouldBeRedirectTo(again, "/ui/recovery");
        second.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"].ShouldBeNull();
        var retryFlowId = FlowJson.FlowIdFromLocation(again);
        retryFlowId.ShouldNotBe(FlowIdOf(link));
        using var retry = await second.GetFlowAsync("recovery", retryFlowId);
        retry.RootElement.GetProperty("state").GetString().ShouldBe("choose_method");
        FlowJson.MessageIds(retry.RootElement).ShouldBe([4060004]);
        EmittedIds.UiMessageIds.ShouldContain(4060004);
        EmittedIds.ErrorIds.ShouldContain("recovery_link_invalid");
    }

    [Fact]
    public async Task WrongToken_Gives4060004_MissingToken_Gives4060003_AndTheRealLinkStillWorks()
    {
        var link = await SentLinkAsync();
        using var browser = new BrowserClient(Server.PublicUrl);

        using var wrong = await browser.GetAsync(WithToken(link, new string('a', 32)).PathAndQuery);
        using var missing = await browser.GetAsync(WithToken(link, string.Empty).PathAndQuery);

        using (var retry = await browser.GetFlowAsync("recovery", FlowJson.FlowIdFromLocation(wrong)))
        {
            FlowJson.MessageIds(retry.RootElement).ShouldBe([4060004]);
        }

        using (var retry = await browser.GetFlowAsync("recovery", FlowJson.FlowIdFromLocation(missing)))
        {
            FlowJson.MessageIds(retry.RootElement).ShouldBe([4060003]);
        }

        using var right = await browser.GetAsync(link.PathAndQuery);
        ShouldBeRedirectTo(right, "/ui/settings");
    }

    [Fact]
    public async Task LinkPastItsLifespan_LeadsToANewFlowWith4060005_AndNoSession()
    {
        var link = await SentLinkAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(11));
        using var browser = new BrowserClient(Server.PublicUrl);

        using var late = await browser.GetAsync(link.PathAndQuery);

        ShouldBeRedirectTo(late, "/ui/recovery");
        browser.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"].ShouldBeNull();
        using var retry = await browser.GetFlowAsync("recovery", FlowJson.FlowIdFromLocation(late));
        FlowJson.MessageIds(retry.RootElement).ShouldBe([4060005]);
    }

    [Fact]
    public async Task ThirtyConcurrentOpenings_ExactlyOneSignsIn()
    {
        var link = await SentLinkAsync();
        var browsers = Enumerable.Range(0, 30).Select(_ => new BrowserClient(Server.PublicUrl)).ToList();
        try
        {
            var answers = await Task.WhenAll(browsers.Select(b => b.GetAsync(link.PathAndQuery)));

            answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.SeeOther);
            answers.Count(a => a.Headers.Location!.AbsolutePath == "/ui/settings").ShouldBe(1);
            answers.Count(a => a.Headers.Location!.AbsolutePath == "/ui/recovery").ShouldBe(29);
            browsers.Count(b => b.Cookies.GetCookies(Server.PublicUrl)["ory_kratos_session"] is not null).ShouldBe(1);
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    [Fact]
    public async Task UnknownAddress_AnswersExactlyLikeAKnownOne_AndSendsNothing()
    {
        var known = NewLinkEmail();
        var unknown = NewLinkEmail();
        await TestIdentities.CreateAsync(Server, known, Password);

        using var a = await SubmitAsync(Server, "recovery", await NewFlowIdAsync(), new { method = "link", email = known });
        using var b = await SubmitAsync(Server, "recovery", await NewFlowIdAsync(), new { method = "link", email = unknown });

        b.StatusCode.ShouldBe(a.StatusCode);
        Normalized(await b.Content.ReadAsStringAsync(), unknown).ShouldBe(Normalized(await a.Content.ReadAsStringAsync(), known));
        await DeliverAsync(Server);
        (await OutboxTemplatesAsync(Server, known)).ShouldBe(["recovery_valid"]);
        (await OutboxTemplatesAsync(Server, unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownAddress_WithNotifyUnknownRecipients_GetsRecoveryInvalidWithoutALink()
    {
        await using var sink = SmtpSink.Start();
        var settings = LinkSettingsFor(sink);
        settings["selfservice.flows.recovery.notify_unknown_recipients"] = "true";
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, settings);
        var unknown = NewLinkEmail();
        using var flow = await NewApiFlowAsync(server, "recovery");

        using var sent = await SubmitAsync(server, "recovery", flow.RootElement.GetProperty("id").GetString()!, new { method = "link", email = unknown });

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        await DeliverAsync(server);
        (await OutboxTemplatesAsync(server, unknown)).ShouldBe(["recovery_invalid"]);
        (await sink.WaitForMessageAsync(unknown)).TextBody.ShouldNotContain("token=");
    }

    [Fact]
    public async Task MethodCode_OnAFlowThatUsesLink_Gives4010005()
    {
        using var refused = await SubmitAsync(Server, "recovery", await NewFlowIdAsync(), new { method = "code", email = NewLinkEmail() });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var flow = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        FlowJson.MessageIds(flow.RootElement).ShouldBe([4010005]);
    }

    [Fact]
    public async Task TheTokenIsStoredOnlyAsAnHmac()
    {
        var link = await SentLinkAsync();
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;

        await using var connection = await Server.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        var stored = (await connection.QueryAsync<string>(
            "SELECT token_hmac FROM selfservice_link_tokens WHERE flow_id = @FlowId", new { FlowId = Guid.Parse(FlowIdOf(link)) })).ToList();

        stored.Count.ShouldBe(1);
        stored[0].ShouldNotContain(token);
        Convert.FromBase64String(stored[0]).Length.ShouldBe(32);
    }

    [Fact]
    public async Task AdminRecoveryLink_Answers200_TheLinkSignsInOnce_AndUnknownIdentityIs404()
    {
        var identityId = await TestIdentities.CreateAsync(Server, NewLinkEmail(), Password);

        using var created = await Server.Admin.PostAsJsonAsync("/admin/recovery/link", new { identity_id = identityId, expires_in = "30m" });

        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("expires_at").GetDateTimeOffset().ShouldBe(Server.Clock.GetUtcNow().AddMinutes(30), TimeSpan.FromSeconds(1));
        var link = new Uri(body.RootElement.GetProperty("recovery_link").GetString()!);
        link.AbsolutePath.ShouldBe("/self-service/recovery");
        using var browser = new BrowserClient(Server.PublicUrl);
        using var opened = await browser.GetAsync(link.PathAndQuery);
        ShouldBeRedirectTo(opened, "/ui/settings");
        using var again = await new BrowserClient(Server.PublicUrl).GetAsync(link.PathAndQuery);
        ShouldBeRedirectTo(again, "/ui/recovery");

        using var unknown = await Server.Admin.PostAsJsonAsync("/admin/recovery/link", new { identity_id = Guid.NewGuid() });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var bad = await Server.Admin.PostAsJsonAsync("/admin/recovery/link", new { identity_id = identityId, expires_in = "soon" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RecoveryAfterLinkHooks_RevokeActiveSessions_EndsTheOtherSessions()
    {
        await using var sink = SmtpSink.Start();
        var settings = LinkSettingsFor(sink);
        settings["selfservice.flows.recovery.after.link.hooks"] = """[{"hook":"revoke_active_sessions"}]""";
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, settings);
        var email = NewLinkEmail();
        await TestIdentities.CreateAsync(server, email, Password);
        using var earlier = new BrowserClient(server.PublicUrl);
        using var later = new BrowserClient(server.PublicUrl);

        var sentSoFar = 0;
        foreach (var browser in new[] { earlier, later })
        {
            using var flow = await NewApiFlowAsync(server, "recovery");
            using var sent = await SubmitAsync(server, "recovery", flow.RootElement.GetProperty("id").GetString()!, new { method = "link", email });
            await DeliverAsync(server);
            sentSoFar++;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (sink.Messages.Count(m => m.IsFor(email)) < sentSoFar && waited.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }

            var link = sink.Messages.Last(m => m.IsFor(email)).TextBody;
            var url = System.Text.RegularExpressions.Regex.Match(link, @"/self-service/recovery\?flow=[0-9a-f-]{36}&token=[A-Za-z0-9]{32}").Value;
            using var opened = await browser.GetAsync(url);
            ShouldBeRedirectTo(opened, "/ui/settings");
        }

        using var revoked = await earlier.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var current = await later.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Uri> SentLinkAsync()
    {
        var email = NewLinkEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var sent = await SubmitAsync(Server, "recovery", await NewFlowIdAsync(), new { method = "link", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await DeliverLinkAsync(Server, fixture.Sink, email, "recovery");
    }

    private async Task<string> NewFlowIdAsync()
    {
        using var flow = await NewApiFlowAsync(Server, "recovery");
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private static string FlowIdOf(Uri link) => System.Web.HttpUtility.ParseQueryString(link.Query)["flow"]!;

    private static KeyValuePair<string, string>[] Form(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToArray();

    /// <summary>The body with ids, instants and the typed address blanked: what remains must be byte-identical.</summary>
    private static string Normalized(string body, string email) => System.Text.RegularExpressions.Regex.Replace(
        body.Replace(email, "<email>", StringComparison.Ordinal),
        @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})",
        "<x>");
}

public sealed class SqliteRecoveryLinkTests(SqliteLinkFlowServer fixture) : RecoveryLinkTests(fixture), IClassFixture<SqliteLinkFlowServer>;

public sealed class PostgresRecoveryLinkTests(PostgresLinkFlowServer fixture) : RecoveryLinkTests(fixture), IClassFixture<PostgresLinkFlowServer>;
