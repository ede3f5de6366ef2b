// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Passwordless;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// Issue 23, the code method in a real browser through the built-in pages: signing up with an e-mailed code and no
/// password, signing out, and signing in with a code, the codes read from the SMTP sink. Assertions use message ids.
/// </summary>
public sealed class CodeUiTests(SqlitePasswordlessServer server, ChromiumBrowser chromium) : IClassFixture<SqlitePasswordlessServer>, IClassFixture<ChromiumBrowser>
{
    static CodeUiTests() => SetDefaultExpectTimeout(20_000);

    private TesseraTestServer Server => server.Server;

    [Fact]
    public async Task Person_SignsUpWithACode_SignsOut_AndSignsInWithACode()
    {
        var email = NewEmail();
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/ui/registration"));
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));
        await page.FillAsync("input[name='traits.email']", email);
        await page.ClickAsync("button[name=method][value=profile]");

        // The credential step offers the code beside the password; asking for it does not wait for a password.
        await page.ClickAsync("button[name=method][value=code]");
        await Expect(page.Locator("[data-message-id='1040005']")).ToBeVisibleAsync();
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "registration-code-sent");
        await page.FillAsync("input[name=code]", await server.DeliverNthCodeAsync(email, 1));
        await page.ClickAsync("button[name=method][value=code]");

        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await page.ClickAsync("#link-logout");
        await Expect(page.Locator("#session")).ToHaveCountAsync(0);

        await page.ClickAsync("#link-login");
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await page.FillAsync("input[name=identifier]", email);
        await page.ClickAsync("button[name=method][value=code]");
        await Expect(page.Locator("[data-message-id='1010014']")).ToBeVisibleAsync();
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "login-code-sent");

        var code = await server.DeliverNthCodeAsync(email, 2);
        await page.FillAsync("input[name=code]", code == "000000" ? "000001" : "000000");
        await page.ClickAsync("button[name=method][value=code]");
        await Expect(page.Locator("[data-message-id='4010008']")).ToBeVisibleAsync();

        await page.FillAsync("input[name=code]", code);
        await page.ClickAsync("button[name=method][value=code]");
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
    }

    private string Url(string path) => new Uri(Server.PublicUrl, path).AbsoluteUri;
}
