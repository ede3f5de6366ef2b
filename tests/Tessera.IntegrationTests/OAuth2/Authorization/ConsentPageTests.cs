// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.Authorization.Flows;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>Tessera's own consent page (<c>/ui/consent</c>) and the settings page's "Apps with access", over real HTTP.</summary>
public abstract partial class ConsentPageTests(ServerFixture fixture)
{
    private const string Password = "correct horse battery staple 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ConsentPage_ShowsTheRequestedScopesToItsSubject()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var identityId = await SignInAsync(Server, browser, Password);
        var (_, challenge) = await StartConsentAsync(Server, identityId.ToString(), scope: "openid email offline_access");

        using var page = await browser.GetAsync($"/ui/consent?consent_challenge={challenge}");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("data-scope=\"email\"");
        html.ShouldContain("data-scope=\"offline_access\"");
        html.ShouldContain("id=\"allow\"");
        html.ShouldContain("id=\"deny\"");
        CsrfField().IsMatch(html).ShouldBeTrue();
    }

    [Fact]
    public async Task ConsentPage_Allow_RedirectsWithAVerifierAndRemembersTheGrant_ThenSettingsRevokesIt()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var identityId = await SignInAsync(Server, browser, Password);
        var clientId = $"client-{Guid.NewGuid():N}";
        var (_, challenge) = await StartConsentAsync(Server, identityId.ToString(), clientId);
        var csrf = await CsrfTokenAsync(browser, $"/ui/consent?consent_challenge={challenge}");

        using var allow = await browser.PostFormAsync("/ui/consent", Fields(csrf, challenge, "allow", remember: true));

        allow.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var verifier = QueryOf(allow.Headers.Location!.AbsoluteUri)["consent_verifier"];
        var flow = await Server.Services.GetRequiredService<ConsentRequests>().RedeemAsync(verifier);
        flow!.GrantedScopes.ShouldBe(["openid", "offline_access"]);

        var settingsHtml = await SettingsPageAsync(browser);
        settingsHtml.ShouldContain($"data-client-id=\"{clientId}\"");
        var settingsCsrf = CsrfField().Match(settingsHtml).Groups[1].Value;
        using var revoke = await browser.PostFormAsync("/ui/settings/apps/revoke", [new("csrf_token", WebUtility.HtmlDecode(settingsCsrf)), new("client_id", clientId)]);
        revoke.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await SettingsPageAsync(browser)).ShouldNotContain($"data-client-id=\"{clientId}\"");
    }

    [Fact]
    public async Task ConsentPage_Deny_RedeemsToAccessDenied()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var identityId = await SignInAsync(Server, browser, Password);
        var (_, challenge) = await StartConsentAsync(Server, identityId.ToString());
        var csrf = await CsrfTokenAsync(browser, $"/ui/consent?consent_challenge={challenge}");

        using var deny = await browser.PostFormAsync("/ui/consent", Fields(csrf, challenge, "deny", remember: false));

        deny.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var flow = await Server.Services.GetRequiredService<ConsentRequests>().RedeemAsync(QueryOf(deny.Headers.Location!.AbsoluteUri)["consent_verifier"]);
        flow!.State.ShouldBe(FlowState.ConsentError);
        JsonDocument.Parse(flow.ConsentError!).RootElement.GetProperty("error").GetString().ShouldBe("access_denied");
    }

    [Fact]
    public async Task ConsentPage_WithoutTheCsrfToken_DoesNotAnswerTheRequest()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var identityId = await SignInAsync(Server, browser, Password);
        var (_, challenge) = await StartConsentAsync(Server, identityId.ToString());
        await CsrfTokenAsync(browser, $"/ui/consent?consent_challenge={challenge}");

        using var forged = await browser.PostFormAsync("/ui/consent", [new("consent_challenge", challenge), new("action", "allow")]);

        ((int)forged.StatusCode).ShouldBeOneOf(303, 403);
        forged.Headers.Location?.ToString().ShouldNotContain("consent_verifier");
        (await browser.GetAsync($"/ui/consent?consent_challenge={challenge}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConsentPage_OfAnotherUsersRequest_IsRefused()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        await SignInAsync(Server, browser, Password);
        var (_, challenge) = await StartConsentAsync(Server, Guid.NewGuid().ToString());

        using var page = await browser.SendJsonAsync(HttpMethod.Get, $"/ui/consent?consent_challenge={challenge}", null);

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ErrorIdAsync(page)).ShouldBe("oauth2_consent_not_yours");
    }

    private static List<KeyValuePair<string, string>> Fields(string csrf, string challenge, string action, bool remember)
    {
        var fields = new List<KeyValuePair<string, string>> { new("csrf_token", csrf), new("consent_challenge", challenge), new("action", action) };
        if (remember)
        {
            fields.Add(new("remember", "true"));
        }

        return fields;
    }

    private static async Task<string> CsrfTokenAsync(BrowserClient browser, string url)
    {
        using var page = await browser.GetAsync(url);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        return WebUtility.HtmlDecode(CsrfField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    private static async Task<string> SettingsPageAsync(BrowserClient browser)
    {
        using var start = await browser.GetAsync("/self-service/settings/browser");
        start.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var page = await browser.GetAsync(start.Headers.Location!.ToString());
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await page.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"csrf_token\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}

public sealed class SqliteConsentPageTests(SqliteServer fixture) : ConsentPageTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresConsentPageTests(PostgresServer fixture) : ConsentPageTests(fixture), IClassFixture<PostgresServer>;
