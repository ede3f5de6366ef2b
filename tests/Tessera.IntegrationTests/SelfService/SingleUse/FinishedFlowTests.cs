// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.SingleUse;

/// <summary>
/// Issue 17 finding 1 and issue 16 (what a UI shows): a finished flow submitted again, one request after another.
/// API clients and scripts get 400 with the flow carrying the kind's "already completed" message; HTML browsers a 303
/// back to the flow's UI, where the fetched flow carries it. Nothing is done a second time.
/// </summary>
public abstract class FinishedFlowTests(SingleUseServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ApiLogin_FinishedFlowSubmittedAgain_Answers4010007AndIssuesNoSecondSession()
    {
        var email = NewEmail();
        var identityId = await TestIdentities.CreateAsync(Server, email, Password);
        var flowId = await fixture.NewFlowIdAsync("login");
        using (var first = await SubmitAsync(Server, "login", flowId, new { method = "password", identifier = email, password = Password }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        }

        using var again = await SubmitAsync(Server, "login", flowId, new { method = "password", identifier = email, password = Password });

        await ShouldBeAlreadyCompletedAsync(again, 4010007);
        using var sessions = await Server.Admin.GetAsync($"/admin/identities/{identityId}/sessions");
        using var list = JsonDocument.Parse(await sessions.Content.ReadAsStringAsync());
        list.RootElement.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task ApiLogin_FinishedFlowSubmittedWithAWrongPassword_Answers4010007()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        var flowId = await fixture.NewFlowIdAsync("login");
        using (var first = await SubmitAsync(Server, "login", flowId, new { method = "password", identifier = email, password = Password }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var again = await SubmitAsync(Server, "login", flowId, new { method = "password", identifier = email, password = "not the password 1" });

        await ShouldBeAlreadyCompletedAsync(again, 4010007);
    }

    [Fact]
    public async Task ApiLogin_WrongPasswordFirst_DoesNotUseUpTheFlow()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        var flowId = await fixture.NewFlowIdAsync("login");
        using (var wrong = await SubmitAsync(Server, "login", flowId, new { method = "password", identifier = email, password = "not the password 1" }))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var right = await SubmitAsync(Server, "login", flowId, new { method = "password", identifier = email, password = Password });

        right.StatusCode.ShouldBe(HttpStatusCode.OK, await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiRegistration_FinishedFlowSubmittedAgain_Answers4040002AndCreatesNoIdentity()
    {
        var flowId = await fixture.NewFlowIdAsync("registration");
        using (var first = await SubmitAsync(Server, "registration", flowId, new { method = "password", password = Password, traits = new { email = NewEmail() } }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        }

        var second = NewEmail();
        using var again = await SubmitAsync(Server, "registration", flowId, new { method = "password", password = Password, traits = new { email = second } });

        await ShouldBeAlreadyCompletedAsync(again, 4040002);
        using var found = await Server.Admin.GetAsync($"/admin/identities?credentials_identifier={Uri.EscapeDataString(second)}");
        using var list = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
        list.RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ApiRegistration_TakenIdentifierFirst_DoesNotUseUpTheFlow()
    {
        var taken = NewEmail();
        await TestIdentities.CreateAsync(Server, taken, Password);
        var flowId = await fixture.NewFlowIdAsync("registration");
        using (var conflict = await SubmitAsync(Server, "registration", flowId, new { method = "password", password = Password, traits = new { email = taken } }))
        {
            conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict, await conflict.Content.ReadAsStringAsync());
        }

        using var registered = await SubmitAsync(Server, "registration", flowId, new { method = "password", password = Password, traits = new { email = NewEmail() } });

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("recovery", 4060001)]
    [InlineData("verification", 4070002)]
    public async Task ApiCodeFlow_FinishedFlowSubmittedAgain_AnswersAlreadyCompleted(string kind, long message)
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        var (flowId, code) = await SentCodeAsync(kind, email);
        using (var first = await SubmitAsync(Server, kind, flowId, new { method = "code", code }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        }

        // The address again, as someone asking for a new code would: a finished flow sends nothing either.
        using var again = await SubmitAsync(Server, kind, flowId, new { method = "code", email });

        await ShouldBeAlreadyCompletedAsync(again, message);
    }

    [Theory]
    [InlineData("login", 4010007)]
    [InlineData("registration", 4040002)]
    public async Task BrowserFlow_FinishedThenSubmittedAgain_HtmlGoesBackToTheUiShowingTheMessageAndScriptsGet400(string kind, long message)
    {
        var email = NewEmail();
        if (kind == "login")
        {
            await TestIdentities.CreateAsync(Server, email, Password);
        }

        using var browser = new BrowserClient(Server.PublicUrl);
        using var started = await browser.GetAsync($"/self-service/{kind}/browser");
        started.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var flowId = FlowJson.FlowIdFromLocation(started);
        using var flow = await browser.GetFlowAsync(kind, flowId);
        var action = flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;
        var csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
        List<KeyValuePair<string, string>> form = kind == "login"
            ? [new("csrf_token", csrf), new("method", "password"), new("identifier", email), new("password", Password)]
            : [new("csrf_token", csrf), new("method", "password"), new("traits.email", email), new("password", Password)];
        using (var first = await browser.PostFormAsync(action, form))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await first.Content.ReadAsStringAsync());
            first.Headers.Location!.AbsolutePath.ShouldNotBe($"/ui/{kind}", "the first submission completes the flow");
        }

        using var html = await browser.PostFormAsync(action, form);

        html.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        html.Headers.Location!.AbsolutePath.ShouldBe($"/ui/{kind}");
        FlowJson.FlowIdFromLocation(html).ShouldBe(flowId);
        using (var shown = await browser.GetFlowAsync(kind, flowId))
        {
            FlowJson.MessageIds(shown.RootElement).ShouldBe([message]);
            shown.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
        }

        using var script = await browser.SendJsonAsync(HttpMethod.Post, action, form.ToDictionary(f => f.Key, f => f.Value));
        await ShouldBeAlreadyCompletedAsync(script, message);
    }

    private static async Task ShouldBeAlreadyCompletedAsync(HttpResponseMessage response, long message)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        using var flow = JsonDocument.Parse(body);
        FlowJson.MessageIds(flow.RootElement).ShouldBe([message]);
        flow.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
    }

    private async Task<(string FlowId, string Code)> SentCodeAsync(string kind, string email)
    {
        var flowId = await fixture.NewFlowIdAsync(kind);
        using (var sent = await SubmitAsync(Server, kind, flowId, new { method = "code", email }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        }

        return (flowId, await DeliverCodeAsync(Server, fixture.Sink, email));
    }
}

public sealed class SqliteFinishedFlowTests(SqliteSingleUseServer fixture) : FinishedFlowTests(fixture), IClassFixture<SqliteSingleUseServer>;

public sealed class PostgresFinishedFlowTests(PostgresSingleUseServer fixture) : FinishedFlowTests(fixture), IClassFixture<PostgresSingleUseServer>;
