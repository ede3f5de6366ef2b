// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>
/// <c>/oauth2/auth</c> through Tessera's own login and consent apps, over real HTTP with a cookie-keeping browser:
/// the code comes back to the client's redirect URI with its state; a denial comes back as <c>access_denied</c>;
/// <c>prompt=none</c> without a session as <c>login_required</c>.
/// </summary>
public abstract partial class AuthorizeEndpointTests(ServerFixture fixture)
{
    private const string Password = "correct horse battery staple 42";
    private const string RedirectUri = "http://127.0.0.1:9/callback";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Authorize_SignedInUserAllows_CodeReachesTheClientWithItsState()
    {
        var clientId = await CreatePublicClientAsync();
        using var browser = new BrowserClient(Server.PublicUrl);
        await SignInAsync(browser);

        var consentPage = await FollowAsync(browser, AuthorizeUrl(clientId, "state-allow-123"));
        consentPage.ShouldContain("/ui/consent?consent_challenge=");
        using var page = await browser.GetAsync(consentPage);
        var html = await page.Content.ReadAsStringAsync();
        var csrf = WebUtility.HtmlDecode(CsrfField().Match(html).Groups[1].Value);
        var challenge = QueryOf(consentPage)["consent_challenge"]!;
        using var allow = await browser.PostFormAsync("/ui/consent", [new("csrf_token", csrf), new("consent_challenge", challenge), new("action", "allow")]);
        var callback = await FollowAsync(browser, allow.Headers.Location!.AbsoluteUri);

        callback.ShouldStartWith(RedirectUri);
        QueryOf(callback)["state"].ShouldBe("state-allow-123");
        QueryOf(callback)["code"]!.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Authorize_SignedInUserDenies_ClientGetsAccessDenied()
    {
        var clientId = await CreatePublicClientAsync();
        using var browser = new BrowserClient(Server.PublicUrl);
        await SignInAsync(browser);

        var consentPage = await FollowAsync(browser, AuthorizeUrl(clientId, "state-deny-123"));
        using var page = await browser.GetAsync(consentPage);
        var csrf = WebUtility.HtmlDecode(CsrfField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        using var deny = await browser.PostFormAsync("/ui/consent",
            [new("csrf_token", csrf), new("consent_challenge", QueryOf(consentPage)["consent_challenge"]!), new("action", "deny")]);
        var callback = await FollowAsync(browser, deny.Headers.Location!.AbsoluteUri);

        callback.ShouldStartWith(RedirectUri);
        QueryOf(callback)["error"].ShouldBe("access_denied");
        QueryOf(callback)["state"].ShouldBe("state-deny-123");
        EmittedIds.ErrorIds.ShouldContain("oauth2_access_denied");
    }

    /// <summary>
    /// A consent app's rejection reaches the client by OpenIddict's redirect, not by Tessera's error writers: it counts
    /// all the same, as the catalog entry of its RFC code (issue 22, the catalog is alive).
    /// </summary>
    [Theory]
    [InlineData("access_denied", "oauth2_access_denied")]
    [InlineData("server_error", "oauth2_server_error")]
    [InlineData("temporarily_unavailable", "oauth2_temporarily_unavailable")]
    public async Task Authorize_ConsentAppRejects_ClientGetsTheCode_AndTheErrorCountsAsItsCatalogEntry(string code, string errorId)
    {
        var clientId = await CreatePublicClientAsync();
        using var browser = new BrowserClient(Server.PublicUrl);
        await SignInAsync(browser);
        var consentPage = await FollowAsync(browser, AuthorizeUrl(clientId, "state-reject-123"));
        var challenge = QueryOf(consentPage)["consent_challenge"]!;

        using var rejected = await Server.Admin.PutAsJsonAsync(
            $"/admin/oauth2/auth/requests/consent/reject?consent_challenge={challenge}", new { error = code, error_description = "The consent app refused." });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        var redirectTo = (await rejected.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString();
        var callback = await FollowAsync(browser, redirectTo);

        callback.ShouldStartWith(RedirectUri);
        QueryOf(callback)["error"].ShouldBe(code);
        QueryOf(callback)["state"].ShouldBe("state-reject-123");
        EmittedIds.ErrorIds.ShouldContain(errorId);
    }

    [Fact]
    public async Task Authorize_PromptNoneWithoutSession_ClientGetsLoginRequired()
    {
        var clientId = await CreatePublicClientAsync();
        using var browser = new BrowserClient(Server.PublicUrl);

        var callback = await FollowAsync(browser, AuthorizeUrl(clientId, "state-none-123") + "&prompt=none");

        callback.ShouldStartWith(RedirectUri);
        QueryOf(callback)["error"].ShouldBe("login_required");
    }

    [Fact]
    public async Task Authorize_WithoutSession_SendsTheBrowserToTesserasLoginFlowAndBack()
    {
        var clientId = await CreatePublicClientAsync();
        using var browser = new BrowserClient(Server.PublicUrl);

        var login = await FollowAsync(browser, AuthorizeUrl(clientId, "state-login-123"));

        login.ShouldContain("/self-service/login/browser?return_to=");
        Uri.UnescapeDataString(login).ShouldContain("/ui/oauth2/login?login_challenge=");
    }

    private static string AuthorizeUrl(string clientId, string state) =>
        $"/oauth2/auth?client_id={clientId}&response_type=code&scope=openid%20offline_access&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
        + $"&state={state}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&nonce=nonce-123";

    /// <summary>Follows redirects on Tessera until one leaves for a page the test looks at (consent, login, the client).</summary>
    private async Task<string> FollowAsync(BrowserClient browser, string url)
    {
        for (var i = 0; i < 10; i++)
        {
            using var response = await browser.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                throw new ShouldAssertException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            url = new Uri(Server.PublicUrl, response.Headers.Location!).AbsoluteUri;
            if (url.StartsWith(RedirectUri, StringComparison.Ordinal) || url.Contains("/ui/consent", StringComparison.Ordinal)
                || url.Contains("/self-service/login/browser", StringComparison.Ordinal))
            {
                return url;
            }
        }

        throw new ShouldAssertException("Too many redirects");
    }

    private async Task<string> CreatePublicClientAsync()
    {
        var client = await OAuth2.OAuth2Calls.CreateClientAsync(Server, $$"""
            {"client_name":"Test RP","redirect_uris":["{{RedirectUri}}"],"grant_types":["authorization_code","refresh_token"],
             "response_types":["code"],"scope":"openid offline_access","token_endpoint_auth_method":"none"}
            """);
        return client["client_id"]!.ToString();
    }

    private async Task SignInAsync(BrowserClient browser)
    {
        var email = $"authz-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(Server, email, Password);
        using var started = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/login/browser", null);
        using var flow = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        using var login = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password, csrf_token = FlowJson.NodeValue(flow.RootElement, "csrf_token") });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"csrf_token\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}

public sealed class SqliteAuthorizeEndpointTests(SqliteServer fixture) : AuthorizeEndpointTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresAuthorizeEndpointTests(PostgresServer fixture) : AuthorizeEndpointTests(fixture), IClassFixture<PostgresServer>;
