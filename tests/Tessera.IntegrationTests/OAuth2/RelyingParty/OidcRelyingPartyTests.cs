// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.Ui;
using static Microsoft.Playwright.Assertions;

namespace Tessera.IntegrationTests.OAuth2.RelyingParty;

/// <summary>
/// Issue 20, acceptance 1: npm openid-client (a certified OpenID Connect relying party, tests/oidc-rp), unchanged,
/// against Tessera in Chromium. The browser starts at the RP, signs in on Tessera's login page, allows on Tessera's
/// consent page and lands on the RP's callback; the RP then redeems the code with PKCE (openid-client validates the ID
/// token: issuer, audience, nonce, expiry), reads userinfo, refreshes, gets a client_credentials token, introspects
/// (RFC 7662) and revokes (RFC 7009), and shows every result as JSON that this test asserts. Its "Sign out" link
/// (openid-client's buildEndSessionUrl) ends the Tessera session at /oauth2/sessions/logout and comes back with the state.
/// </summary>
public sealed class OidcRelyingPartyTests(OidcRelyingPartyServer server, ChromiumBrowser chromium)
    : IClassFixture<OidcRelyingPartyServer>, IClassFixture<ChromiumBrowser>
{
    private const string Password = "a long enough passphrase 42";

    static OidcRelyingPartyTests() => SetDefaultExpectTimeout(30_000);

    private TesseraTestServer Tessera => server.Server;

    [Fact]
    public async Task OpenIdClient_CodeWithPkce_ThroughTesserasLoginAndConsent_ThenUserinfoRefreshClientCredentialsIntrospectionRevocation()
    {
        var port = FreePort.Next();
        var client = await OAuth2Calls.CreateClientAsync(Tessera, new JsonObject
        {
            ["client_name"] = "openid-client RP",
            ["redirect_uris"] = new JsonArray(OidcRelyingPartyApp.CallbackFor(port)),
            ["post_logout_redirect_uris"] = new JsonArray($"http://127.0.0.1:{port}/logged-out"),
            ["grant_types"] = new JsonArray("authorization_code", "refresh_token", "client_credentials"),
            ["response_types"] = new JsonArray("code"),
            ["scope"] = "openid offline_access email",
            ["token_endpoint_auth_method"] = "client_secret_basic",
        }.ToJsonString());
        var clientId = client["client_id"]!.ToString();
        var email = UiSteps.NewEmail();
        var identityId = await TestIdentities.CreateAsync(Tessera, email, Password);

        await using var rp = await OidcRelyingPartyApp.StartAsync(
            port, Tessera.PublicUrl, clientId, client["client_secret"]!.ToString(), new Uri(Tessera.AdminUrl, "/admin/oauth2/introspect"));
        await using var context = await chromium.NewContextAsync();
        var page = await UiSteps.NewPageAsync(context);

        await page.GotoAsync(rp.Url("/start"));
        await Expect(page).ToHaveURLAsync(UiSteps.FlowPage("login"));
        await UiSteps.SignInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/ui/consent\\?consent_challenge="));
        await Expect(page.Locator("h1")).ToContainTextAsync("openid-client RP");
        await ChromiumBrowser.ScreenshotAsync(page, "oidc-rp-consent");
        await page.ClickAsync("#allow");
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(OidcRelyingPartyApp.CallbackFor(port))}\\?"));

        var text = await page.Locator("#result").TextContentAsync();
        var result = JsonNode.Parse(text!)!;
        var report = $"{text}\n{rp.Output}";
        result["failed"].ShouldBeNull(report);

        result["discovery"]!["issuer"]!.ToString().TrimEnd('/').ShouldBe(Tessera.PublicUrl.AbsoluteUri.TrimEnd('/'), report);
        var code = result["code"]!;
        code["token_type"]!.ToString().ToLowerInvariant().ShouldBe("bearer", report);
        code["has_refresh_token"]!.GetValue<bool>().ShouldBeTrue(report);
        code["id_token"]!["sub"]!.ToString().ShouldBe(identityId.ToString(), report);
        code["id_token"]!["nonce_matches"]!.GetValue<bool>().ShouldBeTrue(report);
        code["id_token"]!["aud"]!.ToJsonString().ShouldContain(clientId, Case.Sensitive, report);

        result["userinfo"]!["sub"]!.ToString().ShouldBe(identityId.ToString(), report);
        result["userinfo"]!["email"]!.ToString().ShouldBe(email, report);

        result["refresh"]!["new_access_token"]!.GetValue<bool>().ShouldBeTrue(report);
        result["refresh"]!["new_refresh_token"]!.GetValue<bool>().ShouldBeTrue(report);

        result["client_credentials"]!["has_access_token"]!.GetValue<bool>().ShouldBeTrue(report);

        var introspection = result["introspection"]!;
        introspection["user"]!["active"]!.GetValue<bool>().ShouldBeTrue(report);
        introspection["user"]!["sub"]!.ToString().ShouldBe(identityId.ToString(), report);
        introspection["user"]!["client_id"]!.ToString().ShouldBe(clientId, report);
        introspection["service"]!["active"]!.GetValue<bool>().ShouldBeTrue(report);
        introspection["service"]!["client_id"]!.ToString().ShouldBe(clientId, report);

        var revocation = result["revocation"]!;
        revocation["access_token_active"]!.GetValue<bool>().ShouldBeFalse(report);
        revocation["refresh_token_active"]!.GetValue<bool>().ShouldBeFalse(report);
        revocation["refresh_after_revocation"]!.ToString().ShouldBe("invalid_grant", report);

        // RP-initiated logout: back at the RP with its state, and the Tessera session is gone (the next sign-in asks again).
        new Uri(result["end_session_url"]!.ToString()).AbsolutePath.ShouldBe("/oauth2/sessions/logout", report);
        await page.ClickAsync("#logout");
        await Expect(page).ToHaveURLAsync(new Regex($"^http://127\\.0\\.0\\.1:{port}/logged-out\\?"));
        var loggedOut = JsonNode.Parse((await page.Locator("#result").TextContentAsync())!)!;
        loggedOut["state_matches"]!.GetValue<bool>().ShouldBeTrue(loggedOut.ToJsonString());
        await page.GotoAsync(rp.Url("/start"));
        await Expect(page).ToHaveURLAsync(UiSteps.FlowPage("login"));
    }
}
