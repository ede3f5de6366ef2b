// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;
using static Tessera.IntegrationTests.SelfService.Links.LinkFlowServer;

namespace Tessera.IntegrationTests.SelfService.Links;

/// <summary>Issue 16: address verification with an e-mailed one-time link (<c>selfservice.flows.verification.use: link</c>).</summary>
public abstract class VerificationLinkTests(LinkFlowServer fixture)
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
        flow.RootElement.GetProperty("active").GetString().ShouldBe("link");
    }

    [Fact]
    public async Task Registration_EmailsALink_OpeningItInAnotherBrowserVerifiesTheAddress_AndLoginIsAllowed()
    {
        var email = NewLinkEmail();
        using var registrationFlow = await NewApiFlowAsync(Server, "registration");
        using var registered = await SubmitAsync(Server, "registration", registrationFlow.RootElement.GetProperty("id").GetString()!,
            new { method = "password", password = Password, traits = new { email } });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        using var registration = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        var identityId = registration.RootElement.GetProperty("identity").GetProperty("id").GetString()!;
        using (var refused = await LoginAsync(Server, email, Password))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var link = await DeliverLinkAsync(Server, fixture.Sink, email, "verification");
        (await OutboxTemplatesAsync(Server, email)).ShouldBe(["verification_valid"]);
        using var phone = new BrowserClient(Server.PublicUrl);
        using var opened = await phone.GetAsync(link.PathAndQuery);

        ShouldBeRedirectTo(opened, "/ui/verification");
        using (var done = await phone.GetFlowAsync("verification", FlowJson.FlowIdFromLocation(opened)))
        {
            done.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
            FlowJson.MessageIds(done.RootElement).ShouldBe([1080002]);
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
    public async Task OwnFlow_SendsALink_1080001_ScriptOpeningItGetsTheFinishedFlow()
    {
        var email = NewLinkEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var browser = new BrowserClient(Server.PublicUrl);
        using var start = await browser.GetAsync("/self-service/verification/browser");
        var flowId = FlowJson.FlowIdFromLocation(start);
        using var flow = await browser.GetFlowAsync("verification", flowId);
        var csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;

        using var sent = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/verification?flow={flowId}", new { method = "link", email, csrf_token = csrf });

        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        using (var shown = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()))
        {
            shown.RootElement.GetProperty("state").GetString().ShouldBe("sent_email");
            FlowJson.MessageIds(shown.RootElement).ShouldBe([1080001]);
        }

        var link = await DeliverLinkAsync(Server, fixture.Sink, email, "verification");
        using var opened = await browser.SendJsonAsync(HttpMethod.Get, link.PathAndQuery, null);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        using var done = JsonDocument.Parse(await opened.Content.ReadAsStringAsync());
        done.RootElement.GetProperty("state").GetString().ShouldBe("passed_challenge");
        FlowJson.MessageIds(done.RootElement).ShouldBe([1080002]);
        done.RootElement.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("type").GetString() == "a").GetProperty("attributes").GetProperty("id").GetString().ShouldBe("continue");
    }

    [Fact]
    public async Task Reused_Gives4070001_Missing_Gives4070004_Expired_Gives4070005()
    {
        var reused = await SentLinkAsync();
        using var browser = new BrowserClient(Server.PublicUrl);
        using (var first = await browser.GetAsync(reused.PathAndQuery))
        {
            ShouldBeRedirectTo(first, "/ui/verification");
        }

        using var again = await browser.GetAsync(reused.PathAndQuery);
        using var missing = await browser.GetAsync(WithToken(reused, string.Empty).PathAndQuery);
        var expiring = await SentLinkAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(11));
        using var late = await browser.GetAsync(expiring.PathAndQuery);

        await ShouldCarryAsync(browser, again, 4070001);
        await ShouldCarryAsync(browser, missing, 4070004);
        await ShouldCarryAsync(browser, late, 4070005);
        EmittedIds.UiMessageIds.ShouldContain(4070001);
        EmittedIds.ErrorIds.ShouldContain("verification_link_invalid");
    }

    [Fact]
    public async Task TwentyFiveConcurrentOpenings_ExactlyOneVerifies()
    {
        var link = await SentLinkAsync();
        var browsers = Enumerable.Range(0, 25).Select(_ => new BrowserClient(Server.PublicUrl)).ToList();
        try
        {
            var answers = await Task.WhenAll(browsers.Select(b => b.GetAsync(link.PathAndQuery)));

            answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.SeeOther);
            var flowId = System.Web.HttpUtility.ParseQueryString(link.Query)["flow"]!;
            answers.Count(a => a.Headers.Location!.Query.Contains(flowId, StringComparison.Ordinal)).ShouldBe(1);
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
    public async Task UnknownAddress_AnswersLikeAKnownOne_AndSendsNothing()
    {
        var known = NewLinkEmail();
        var unknown = NewLinkEmail();
        await TestIdentities.CreateAsync(Server, known, Password);
        using var flowA = await NewApiFlowAsync(Server, "verification");
        using var flowB = await NewApiFlowAsync(Server, "verification");

        using var a = await SubmitAsync(Server, "verification", flowA.RootElement.GetProperty("id").GetString()!, new { method = "link", email = known });
        using var b = await SubmitAsync(Server, "verification", flowB.RootElement.GetProperty("id").GetString()!, new { method = "link", email = unknown });

        b.StatusCode.ShouldBe(a.StatusCode);
        a.StatusCode.ShouldBe(HttpStatusCode.OK);
        await DeliverAsync(Server);
        (await OutboxTemplatesAsync(Server, known)).ShouldBe(["verification_valid"]);
        (await OutboxTemplatesAsync(Server, unknown)).ShouldBeEmpty();
    }

    private static async Task ShouldCarryAsync(BrowserClient browser, HttpResponseMessage answer, long messageId)
    {
        ShouldBeRedirectTo(answer, "/ui/verification");
        using var retry = await browser.GetFlowAsync("verification", FlowJson.FlowIdFromLocation(answer));
        retry.RootElement.GetProperty("state").GetString().ShouldBe("choose_method");
        FlowJson.MessageIds(retry.RootElement).ShouldBe([messageId]);
    }

    private async Task<Uri> SentLinkAsync()
    {
        var email = NewLinkEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        using var flow = await NewApiFlowAsync(Server, "verification");
        using var sent = await SubmitAsync(Server, "verification", flow.RootElement.GetProperty("id").GetString()!, new { method = "link", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await DeliverLinkAsync(Server, fixture.Sink, email, "verification");
    }
}

public sealed class SqliteVerificationLinkTests(SqliteLinkFlowServer fixture) : VerificationLinkTests(fixture), IClassFixture<SqliteLinkFlowServer>;

public sealed class PostgresVerificationLinkTests(PostgresLinkFlowServer fixture) : VerificationLinkTests(fixture), IClassFixture<PostgresLinkFlowServer>;
