// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Security.Csrf;

namespace Tessera.IntegrationTests.Security;

/// <summary>Issue 17 finding 9 over real HTTP: CSRF masking and cookie origin, response headers, the UI's CSP.</summary>
public abstract class ResponseHardeningTests(DatabaseKind kind)
{
    [Fact]
    public async Task CsrfToken_IsMaskedAfreshInEveryFlowResponse_AndUnmasksToTheCookie()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new BrowserClient(server.PublicUrl);
        var flowId = await StartLoginAsync(browser);
        var cookie = browser.Cookies.GetCookies(server.PublicUrl)[server.CsrfCookieName]!.Value;

        using var first = await browser.GetFlowAsync("login", flowId);
        using var second = await browser.GetFlowAsync("login", flowId);

        var a = FlowJson.NodeValue(first.RootElement, "csrf_token")!;
        var b = FlowJson.NodeValue(second.RootElement, "csrf_token")!;
        a.ShouldNotBe(b);
        a.ShouldNotContain(cookie);
        CsrfTokenMask.Unmask(a).ShouldBe(cookie);
        CsrfTokenMask.Unmask(b).ShouldBe(cookie);
    }

    [Fact]
    public async Task CsrfCookie_NotIssuedByTessera_IsReplacedAndNeverBecomesAFlowToken()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var planted = new string('A', 43);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/browser");
        request.Headers.Add("Cookie", $"{server.CsrfCookieName}={planted}");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(server.CsrfCookieName + "=", StringComparison.Ordinal));
        setCookie.ShouldNotContain(planted);
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        CsrfTokenMask.Unmask(FlowJson.NodeValue(flow.RootElement, "csrf_token")!).ShouldNotBe(planted);
    }

    [Fact]
    public async Task FlowSubmission_WithPlantedCookieAndMatchingField_IsRejected()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new BrowserClient(server.PublicUrl);
        var flowId = await StartLoginAsync(browser);
        var planted = new string('B', 43);
        browser.Cookies.Add(server.PublicUrl, new Cookie(server.CsrfCookieName, planted));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/login?flow={flowId}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["method"] = "password", ["identifier"] = "x@example.com", ["password"] = "whatever it is 1", ["csrf_token"] = planted,
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await server.Public.SendAsync(WithCookies(request, browser, server));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/health/alive", false)]
    [InlineData("/sessions/whoami", false)]
    [InlineData("/no/such/path", false)]
    [InlineData("/admin/identities", true)]
    [InlineData("/health/alive", true)]
    public async Task EveryResponse_IsNosniffAndNotStored(string path, bool admin)
    {
        await using var server = await TesseraTestServer.StartAsync(kind);

        using var response = await (admin ? server.Admin : server.Public).GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        ShouldNotBeStored(response);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.Vary.Contains("Cookie").ShouldBe(!admin);
    }

    [Fact]
    public async Task BrowserFlow_CarryingCsrfToken_IsNotStoredAndVariesByCookie()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/browser");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldNotBeStored(response);
        response.Headers.Vary.ShouldContain("Cookie");
    }

    [Fact]
    public async Task PublicResponses_WithHttpsBaseUrl_CarryHsts_AdminDoesNot()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["serve.public.base_url"] = "https://id.example.com/" });

        using var publicResponse = await server.Public.GetAsync("/health/alive");
        using var adminResponse = await server.Admin.GetAsync("/health/alive");

        publicResponse.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        adminResponse.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task UiPage_ContentSecurityPolicy_LimitsFormActionToSelfAndReturnOrigins()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["selfservice.allowed_return_urls"] = """["https://app.example.com/after", "https://*.example.org/"]""",
        });

        using var response = await server.Public.GetAsync("/ui/welcome");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        var formAction = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action ", StringComparison.Ordinal)).Split(' ');
        formAction.ShouldContain("'self'");
        formAction.ShouldContain("https://app.example.com");
        formAction.ShouldContain("https://*.example.org");
        formAction.ShouldContain(server.PublicUrl.GetLeftPart(UriPartial.Authority));
    }

    private static async Task<string> StartLoginAsync(BrowserClient browser)
    {
        using var response = await browser.GetAsync("/self-service/login/browser");
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        return FlowJson.FlowIdFromLocation(response);
    }

    private static void ShouldNotBeStored(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl.ShouldNotBeNull();
        (cacheControl.NoStore && cacheControl.NoCache && cacheControl.Private && cacheControl.MustRevalidate).ShouldBeTrue(cacheControl.ToString());
    }

    private static HttpRequestMessage WithCookies(HttpRequestMessage request, BrowserClient browser, TesseraTestServer server)
    {
        request.Headers.Add("Cookie", browser.Cookies.GetCookieHeader(server.PublicUrl));
        return request;
    }
}

public sealed class SqliteResponseHardeningTests() : ResponseHardeningTests(DatabaseKind.Sqlite);

public sealed class PostgresResponseHardeningTests() : ResponseHardeningTests(DatabaseKind.Postgres);
