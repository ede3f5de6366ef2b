// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Tessera.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Issue 23: with <c>webauthn.config.passwordless: true</c> a security key signs up and signs in on its own, through the
/// built-in pages in Chromium with a virtual authenticator (Chrome DevTools Protocol), as Kratos's flows run it: the
/// credential step's "Sign up with security key" (1040004); the login form's <c>method=webauthn</c> with the
/// identifier (1010008), then the ceremony's button (1010011).
/// </summary>
public sealed class SecurityKeyFirstFactorBrowserTests(SecurityKeyServer server, ChromiumBrowser chromium)
    : IClassFixture<SecurityKeyServer>, IClassFixture<ChromiumBrowser>
{
    static SecurityKeyFirstFactorBrowserTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task SecurityKey_PasswordlessSignUpSignOutSignIn_ThroughTheBuiltInPages()
    {
        var email = $"key-{Guid.NewGuid():N}@example.com";
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(server.BaseUrl, "/ui/welcome").AbsoluteUri);
        await VirtualAuthenticator.AttachAsync(page);

        await page.GotoAsync(new Uri(server.BaseUrl, "/ui/registration").AbsoluteUri);
        await page.FillAsync("input[name='traits.email']", email);
        await page.ClickAsync("button[name=method][value=profile]");
        await page.ClickAsync("button[name=webauthn_register_trigger]");
        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));
        await Expect(page.Locator("#session")).ToContainTextAsync(email);

        await page.ClickAsync("#link-logout");
        await Expect(page.Locator("#session")).ToHaveCountAsync(0);
        await page.ClickAsync("#link-login");
        await page.FillAsync("input[name=identifier]", email);
        await page.ClickAsync("button[name=method][value=webauthn]");
        await page.ClickAsync("button[name=webauthn_login_trigger]");

        await Expect(page).ToHaveURLAsync(new Regex("/ui/welcome$"));
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await Expect(page.Locator("#session")).ToContainTextAsync("webauthn");
        await ChromiumBrowser.ScreenshotAsync(page, "security-key-first-factor-signed-in");
    }
}
