// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Courier;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.Phones;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// Issue 23, acceptance 3 in a real browser: a phone-number identity signs in through the built-in pages with a code
/// texted through the courier's http channel to the fake SMS gateway on loopback. Assertions use message ids.
/// </summary>
public sealed class SmsCodeUiTests(SqlitePhoneServer server, ChromiumBrowser chromium) : IClassFixture<SqlitePhoneServer>, IClassFixture<ChromiumBrowser>
{
    static SmsCodeUiTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Person_SignsInWithATextedCode_ThroughTheBuiltInPages()
    {
        var (written, e164) = SmsChannelTests.NewNumber();
        await server.CreateIdentityAsync(e164);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(new Uri(server.Server.PublicUrl, "/ui/login").AbsoluteUri);
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await page.FillAsync("input[name=identifier]", written);
        await page.ClickAsync("button[name=method][value=code]");
        await Expect(page.Locator("[data-message-id='1010014']")).ToBeVisibleAsync();
        await AssertEveryInputIsLabelledAsync(page);

        await page.FillAsync("input[name=code]", await server.CodeForAsync(e164));
        await page.ClickAsync("button[name=method][value=code]");

        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(e164);
        await Expect(page.Locator("#session")).ToContainTextAsync("code");
        await ChromiumBrowser.ScreenshotAsync(page, "login-sms-code-signed-in");
    }
}
