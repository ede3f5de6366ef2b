// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// The built-in pages over plain HTTP (no browser): which flow a page agrees to show, and the error page's variants
/// by status. The browser journeys are in <see cref="SelfServiceUiTests"/>.
/// </summary>
public sealed class SelfServicePagesTests(UiServer server) : IClassFixture<UiServer>
{
    private TesseraTestServer Server => server.Server;

    [Theory]
    [InlineData("login")]
    [InlineData("registration")]
    public async Task Page_WithoutFlow_RedirectsToTheBrowserInitEndpoint(string kind)
    {
        using var browser = new BrowserClient(Server.PublicUrl);

        using var response = await browser.GetAsync($"/ui/{kind}?return_to=%2Fui%2Fwelcome");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.ShouldBe($"/self-service/{kind}/browser");
        response.Headers.Location.Query.ShouldBe("?return_to=%2Fui%2Fwelcome");
    }

    [Fact]
    public async Task Page_FlowOfAnotherBrowser_IsNotShownButRestarted()
    {
        using var owner = new BrowserClient(Server.PublicUrl);
        using var other = new BrowserClient(Server.PublicUrl);
        var flowId = await StartAsync(owner, "login");
        await StartAsync(other, "login");

        using var shown = await owner.GetAsync($"/ui/login?flow={flowId}");
        using var refused = await other.GetAsync($"/ui/login?flow={flowId}");

        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shown.Content.ReadAsStringAsync()).ShouldContain(flowId);
        refused.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        refused.Headers.Location!.AbsolutePath.ShouldBe("/self-service/login/browser");
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain(flowId);
    }

    [Fact]
    public async Task Page_FlowOpenedWithoutAnyCsrfCookie_Is403AndOffersAStartAgainLink()
    {
        using var owner = new BrowserClient(Server.PublicUrl);
        var flowId = await StartAsync(owner, "login");

        using var response = await Server.Public.GetAsync($"/ui/login?flow={flowId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await ParseAsync(response);
        page.QuerySelector("form").ShouldBeNull();
        page.QuerySelector("a")!.GetAttribute("href")!.ShouldEndWith("/self-service/login/browser");
    }

    [Fact]
    public async Task Page_ApiFlow_IsNotRenderedForABrowser()
    {
        using var created = await Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var browser = new BrowserClient(Server.PublicUrl);
        await StartAsync(browser, "login");

        using var response = await browser.GetAsync($"/ui/login?flow={flow.RootElement.GetProperty("id").GetString()}");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.ShouldBe("/self-service/login/browser");
    }

    [Fact]
    public async Task Page_IsNeverCachedNorFramed()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var flowId = await StartAsync(browser, "login");

        using var response = await browser.GetAsync($"/ui/login?flow={flowId}");

        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }

    [Theory]
    [InlineData("refresh=true", 1010003)]
    [InlineData("aal=aal2", 1010004)]
    public async Task LoginPage_ReauthenticationAndSecondFactor_AreLabelledAndOfferSignOut(string query, int message)
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var registration = await StartAsync(browser, "registration");
        using (var flow = await browser.GetFlowAsync("registration", registration))
        {
            using var registered = await browser.PostFormAsync(flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!,
            [
                new("csrf_token", FlowJson.NodeValue(flow.RootElement, "csrf_token")!), new("method", "password"),
                new("traits.email", $"labels-{Guid.NewGuid():N}@example.com"), new("password", "a long enough passphrase 42"),
            ]);
            registered.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using var created = await browser.GetAsync($"/self-service/login/browser?{query}");
        created.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var response = await browser.GetAsync(created.Headers.Location!.AbsoluteUri);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        page.QuerySelector($"[data-message-id='{message}']").ShouldNotBeNull();
        page.QuerySelector("#link-logout")!.GetAttribute("href")!.ShouldContain("/self-service/logout?token=ory_lo_");
        page.QuerySelector("#link-registration").ShouldBeNull();
    }

    [Fact]
    public async Task LoginPage_IdentifierLabel_IsThePasswordIdentifiersSchemaTitle()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var flowId = await StartAsync(browser, "login");

        using var flow = await browser.GetFlowAsync("login", flowId);
        using var response = await browser.GetAsync($"/ui/login?flow={flowId}");

        var label = FlowJson.Node(flow.RootElement, "identifier").GetProperty("meta").GetProperty("label");
        label.GetProperty("id").GetInt64().ShouldBe(1070002);
        label.GetProperty("context").GetProperty("title").GetString().ShouldBe("E-Mail");
        var page = await ParseAsync(response);
        var input = page.QuerySelector("input[name=identifier]")!;
        page.QuerySelector($"label[for='{input.Id}']")!.TextContent.ShouldBe("E-Mail", "the default schema's title, not a generic label");
    }

    [Fact]
    public async Task LoginFlow_IdentifierWithoutSchemaTitle_IsLabelledId1070004()
    {
        const string schema = """
            {"type":"object","properties":{"traits":{"type":"object","properties":{
              "username":{"type":"string","ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}}},
              "required":["username"]}}}
            """;
        await using var untitled = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["cookies.secure"] = "false",
            ["identity.schemas"] = $$"""[{"id":"plain","url":"base64://{{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(schema))}}"}]""",
        });
        using var browser = new BrowserClient(untitled.PublicUrl);

        using var flow = await browser.GetFlowAsync("login", await StartAsync(browser, "login"));

        FlowJson.Node(flow.RootElement, "identifier").GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1070004);
    }

    [Fact]
    public async Task ErrorPage_ServerError_ShowsTheErrorAndRequestIdsToQuote()
    {
        using var response = await Server.Public.GetAsync("/ui/error?id=stub:500");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        page.QuerySelector("main > p.error-id code")!.TextContent.ShouldBe("internal_server_error");
        page.QuerySelector("main > p.request-id code")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("details#technical-details")!.HasAttribute("open").ShouldBeFalse();
    }

    [Theory]
    [InlineData("stub:410", "self_service_flow_expired")]
    [InlineData("stub:403", "security_csrf_violation")]
    [InlineData("stub:404", "not_found")]
    public async Task ErrorPage_ClientErrors_OfferAWayBackAndFoldTheDetails(string id, string errorId)
    {
        using var response = await Server.Public.GetAsync($"/ui/error?id={id}");

        var page = await ParseAsync(response);
        page.QuerySelector("details #error-id")!.TextContent.ShouldBe(errorId);
        page.QuerySelector("#start-over")!.GetAttribute("href").ShouldNotBeNullOrEmpty();
        page.QuerySelector("main > p.error-id").ShouldBeNull("only server errors put the ids up front");
    }

    [Fact]
    public async Task ErrorPage_UnknownContainer_Is404WithTheSameLayout()
    {
        using var response = await Server.Public.GetAsync($"/ui/error?id={Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await ParseAsync(response);
        page.QuerySelector("#error-id")!.TextContent.ShouldBe("self_service_error_not_found");
        page.QuerySelector("style").ShouldNotBeNull();
    }

    [Fact]
    public async Task Welcome_WithoutSession_OffersSignIn()
    {
        using var response = await Server.Public.GetAsync("/ui/welcome");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        page.QuerySelector("#session").ShouldBeNull();
        page.QuerySelector("#link-login")!.GetAttribute("href")!.ShouldEndWith("/self-service/login/browser");
    }

    private static async Task<string> StartAsync(BrowserClient browser, string kind)
    {
        using var response = await browser.GetAsync($"/self-service/{kind}/browser");
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        return FlowJson.FlowIdFromLocation(response);
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
