// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Mfa;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// Issue 9, the account pages in a real browser: recovery with the code from the e-mail, ending on the settings
/// page; registration going on to the verification page; TOTP enrolment on the settings page and the aal2 step-up at the next sign-in; a profile change, and an
/// identifier change after the privileged window that asks for the password first. Assertions use message ids.
/// </summary>
public sealed class AccountUiTests(AccountUiServer server, ChromiumBrowser chromium) : IClassFixture<AccountUiServer>, IClassFixture<ChromiumBrowser>
{
    private const string NewPassword = "another long passphrase 77";

    static AccountUiTests() => SetDefaultExpectTimeout(20_000);

    private TesseraTestServer Server => server.Server;

    [Fact]
    public async Task Recovery_CodeFromTheEmail_EndsOnSettingsWhereANewPasswordThenSignsIn()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/ui/login"));
        await page.ClickAsync("#link-recovery");
        await Expect(page).ToHaveURLAsync(FlowPage("recovery"));
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "recovery");
        await page.FillAsync("input[name=email]", email);
        await page.ClickAsync("button[name=method][value=code]");

        await Expect(page.Locator("[data-message-id='1060003']")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "recovery-code-sent");
        await server.DeliverAsync();
        await page.FillAsync("input[name=code]", await EmailedCodeAsync(email));
        await page.ClickAsync("button[name=method][value=code]");

        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await ChromiumBrowser.ScreenshotAsync(page, "settings-after-recovery");
        await page.FillAsync("input[name=password]", NewPassword);
        await page.ClickAsync("button[name=method][value=password]");
        await Expect(page.Locator("[data-message-id='1050001']")).ToBeVisibleAsync();

        await page.ClickAsync("#link-logout");
        await page.ClickAsync("#link-login");
        await SignInAsync(page, email, NewPassword);
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task Registration_WithShowVerificationUi_GoesToTheVerificationPageWhereTheEmailedCodeVerifies()
    {
        var email = NewEmail();
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(Url("/ui/registration"));
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));

        await RegisterAsync(page, email);

        await Expect(page).ToHaveURLAsync(FlowPage("verification"));
        await Expect(page.Locator("[data-message-id='1080003']")).ToBeVisibleAsync();
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "verification");
        await page.FillAsync("input[name=code]", await EmailedCodeAsync(email));
        await page.ClickAsync("button[name=method][value=code]");

        await Expect(page.Locator("[data-message-id='1080002']")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "verification-done");
        await page.ClickAsync("#continue");
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await Expect(page.Locator("#link-verification")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Totp_EnrolledOnSettings_TheNextPasswordSignInStepsUpToAal2()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await SignInFromWelcomeAsync(page, email);

        await page.ClickAsync("#link-settings");
        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await AssertEveryInputIsLabelledAsync(page);
        var qr = page.Locator("img#totp_qr");
        await Expect(qr).ToBeVisibleAsync();
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0, "the QR code's data: URL did not decode");
        await ChromiumBrowser.ScreenshotAsync(page, "settings");
        var secret = (await page.Locator("#totp_secret_key").TextContentAsync())!.Trim();
        await page.FillAsync("input[name=totp_code]", TestTotp.Code(secret, Server.Clock.GetUtcNow()));
        await page.ClickAsync("button[name=method][value=totp]");

        await Expect(page.Locator("[data-message-id='1050001']")).ToBeVisibleAsync();
        await Expect(page.Locator("button[name=totp_unlink]")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "settings-totp-linked");

        await page.ClickAsync("#link-logout");
        await SignInFromWelcomeAsync(page, email, expectWelcome: false);
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await Expect(page.Locator("[data-message-id='1010004']")).ToBeVisibleAsync();
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "login-second-factor");

        // The step the enrolment used cannot be used again: the authenticator shows the next one.
        Server.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.FillAsync("input[name=totp_code]", TestTotp.Code(secret, Server.Clock.GetUtcNow()));
        await page.ClickAsync("button[name=method][value=totp]");

        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync("aal2");
        await ChromiumBrowser.ScreenshotAsync(page, "welcome-aal2");
    }

    [Fact]
    public async Task Settings_ProfileChangeIsSaved_AndAnEmailChangeAfterThePrivilegedWindowAsksForThePasswordFirst()
    {
        var email = NewEmail();
        var changed = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await SignInFromWelcomeAsync(page, email);
        await Expect(page.Locator("#link-verification")).ToBeVisibleAsync();

        await page.ClickAsync("#link-settings");
        await page.FillAsync("input[name='traits.name.first']", "Ada");
        await page.ClickAsync("button[name=method][value=profile]");
        await Expect(page.Locator("[data-message-id='1050001']")).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='traits.name.first']")).ToHaveValueAsync("Ada");
        await ChromiumBrowser.ScreenshotAsync(page, "settings-profile-saved");

        Server.Clock.Advance(TimeSpan.FromMinutes(20));
        await page.GotoAsync(Url("/ui/welcome"));
        await page.ClickAsync("#link-settings");
        await page.FillAsync("input[name='traits.email']", changed);
        await page.ClickAsync("button[name=method][value=profile]");

        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await Expect(page.Locator("[data-message-id='1010003']")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "login-refresh");
        await ReauthenticateAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await page.FillAsync("input[name='traits.email']", changed);
        await page.ClickAsync("button[name=method][value=profile]");
        await Expect(page.Locator("[data-message-id='1050001']")).ToBeVisibleAsync();

        await page.GotoAsync(Url("/ui/welcome"));
        await Expect(page.Locator("#session")).ToContainTextAsync(changed);
        await Expect(page.Locator("#session")).ToContainTextAsync("Ada");
    }

    private async Task SignInFromWelcomeAsync(Microsoft.Playwright.IPage page, string email, bool expectWelcome = true)
    {
        await page.GotoAsync(Url("/ui/welcome"));
        await page.ClickAsync("#link-login");
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await SignInAsync(page, email, Password);
        if (expectWelcome)
        {
            await Expect(page).ToHaveURLAsync(Welcome());
        }
    }

    /// <summary>Runs one courier poll, then reads the six-digit code from the message to <paramref name="email"/>.</summary>
    private async Task<string> EmailedCodeAsync(string email)
    {
        await server.DeliverAsync();
        var mail = await server.Sink.WaitForMessageAsync(email);
        var code = Regex.Match(mail.TextBody, @"\b\d{6}\b").Value;
        code.ShouldNotBeNullOrEmpty(mail.TextBody);
        return code;
    }

    private string Url(string path) => new Uri(Server.PublicUrl, path).AbsoluteUri;
}
