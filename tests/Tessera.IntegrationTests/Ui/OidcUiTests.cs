// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Oidc;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// Issue 19, acceptance 1: social sign-up in a real Chromium through the built-in pages. The provider button on
/// /ui/registration leads to the real OpenID provider on loopback, whose own sign-in page the test clicks through;
/// the browser lands signed in. Then it signs out and signs in again with the button on /ui/login.
/// </summary>
public sealed class OidcUiTests(SqliteOidcServer oidc, ChromiumBrowser chromium) : IClassFixture<SqliteOidcServer>, IClassFixture<ChromiumBrowser>
{
    static OidcUiTests() => SetDefaultExpectTimeout(20_000);

    private TesseraTestServer Server => oidc.Server;

    [Fact]
    public async Task Person_SignsUpWithTheProvider_SignsOut_AndSignsInWithTheProvider()
    {
        var email = NewEmail();
        await oidc.Provider.ResetAsync(oidc.CallbackUrl);
        await oidc.Provider.ControlAsync(new { interactive = true, user = new { sub = $"ui-{Guid.NewGuid():N}", email, email_verified = true } });
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/ui/registration"));
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));
        var signUp = page.Locator($"button[name=provider][value={OidcServer.ProviderId}]");
        await Expect(signUp).ToContainTextAsync("Fixture");
        await ChromiumBrowser.ScreenshotAsync(page, "oidc-registration");
        await signUp.ClickAsync();

        // The provider's own page, on its own origin.
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(oidc.Provider.Issuer.GetLeftPart(UriPartial.Authority)) + "/interaction/"));
        await Expect(page.Locator("#provider-account")).ToHaveTextAsync(email);
        await page.ClickAsync("#provider-sign-in");

        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await page.ClickAsync("#link-logout");
        await Expect(page.Locator("#session")).ToHaveCountAsync(0);

        await page.ClickAsync("#link-login");
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await page.ClickAsync($"button[name=provider][value={OidcServer.ProviderId}]");

        // The provider may remember its own sign-in; if it asks again, the person signs in there once more.
        await page.WaitForURLAsync(url => url.Contains("/interaction/", StringComparison.Ordinal) || url.EndsWith("/ui/welcome", StringComparison.Ordinal));
        if (page.Url.Contains("/interaction/", StringComparison.Ordinal))
        {
            await page.ClickAsync("#provider-sign-in");
        }

        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await ChromiumBrowser.ScreenshotAsync(page, "oidc-signed-in");
    }

    private string Url(string path) => new Uri(Server.PublicUrl, path).AbsoluteUri;
}
