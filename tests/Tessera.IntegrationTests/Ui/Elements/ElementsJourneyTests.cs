// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Mfa;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tessera.IntegrationTests.Ui.Elements;

/// <summary>
/// Issue 16, the proof that a Kratos UI works against Tessera unchanged: Ory's own components
/// (<c>@ory/elements-react</c>, tests/ui-elements) on another loopback origin, driven in Chromium through every flow.
/// Each request the app makes is cross-origin with credentials, so the journey also proves CORS. Assertions use
/// Elements' own test ids (<c>ory/message/&lt;id&gt;</c>, <c>ory/form/node/input/&lt;name&gt;</c>).
/// </summary>
public sealed class ElementsJourneyTests(ElementsJourneyServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : IClassFixture<ElementsJourneyServer>, IClassFixture<ChromiumBrowser>
{
    private const string Password = "a long enough passphrase 42";
    private const string NewPassword = "another long passphrase 77";
    private const string RecoveredPassword = "a recovered passphrase 2026";

    static ElementsJourneyTests() => SetDefaultExpectTimeout(20_000);

    private ElementsApp App => server.App;

    private TesseraTestServer Tessera => server.Server;

    [Fact]
    public async Task Journey_RegisterVerifySignOutSignInSettingsSignOutRecover()
    {
        var email = NewEmail();
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        // Registration, from the signed-out home's "Sign up" link.
        await page.GotoAsync(App.Page("/"));
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
        await page.ClickAsync("#link-registration");
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));
        await Expect(Input(page, "traits.email")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-registration");
        await RegisterAsync(page, email, Password);

        // Verification by the e-mailed code: the show_verification_ui hook sends the browser to the app's page.
        await Expect(page).ToHaveURLAsync(FlowPage("verification"));
        await Expect(Message(page, 1080003)).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-verification");
        await Input(page, "code").FillAsync(await EmailedCodeAsync(email, 1));
        await Submit(page, "code").ClickAsync();
        await Expect(Message(page, 1080002)).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-verification-done");

        // Signed in at home: whoami is a cross-origin request with the session cookie, answered with CORS headers that
        // name the app's origin and allow credentials (a wildcard would not do for a credentialed request).
        var whoami = await page.RunAndWaitForResponseAsync(() => page.GotoAsync(App.Page("/")), r => r.Url.Contains("/sessions/whoami"));
        whoami.Status.ShouldBe(200);
        App.Origin.ShouldNotBe(Tessera.PublicUrl.GetLeftPart(UriPartial.Authority));
        (await whoami.HeaderValueAsync("access-control-allow-origin")).ShouldBe(App.Origin);
        (await whoami.HeaderValueAsync("access-control-allow-credentials")).ShouldBe("true");
        await Expect(page.Locator("#session-email")).ToHaveTextAsync(email);
        await SignOutAsync(page);

        // Sign in from the home's link (/login?aal=&refresh=&return_to=, passed on to Tessera as it is).
        await page.ClickAsync("#link-login");
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await ChromiumBrowser.ScreenshotAsync(page, "elements-login");
        await SignInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(Home());
        await Expect(page.Locator("#session-email")).ToHaveTextAsync(email);

        // Settings: the profile.
        await page.ClickAsync("#link-settings");
        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await ChromiumBrowser.ScreenshotAsync(page, "elements-settings");
        await Input(page, "traits.name.first").FillAsync("Ada");
        await Submit(page, "profile").ClickAsync();
        await Expect(Message(page, 1050001)).ToBeVisibleAsync();
        await Expect(Input(page, "traits.name.first")).ToHaveValueAsync("Ada");

        // Settings: the password, after the privileged window: Tessera asks for the password again first.
        Tessera.Clock.Advance(TimeSpan.FromMinutes(20));
        await page.GotoAsync(App.Page("/settings"));
        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await Input(page, "password").FillAsync(NewPassword);
        await Submit(page, "password").ClickAsync();
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        // The re-authentication is pinned to the signed-in identity (Kratos: a hidden, pre-filled identifier and 1010003,
        // which Elements turns into its "Reauthenticate" card showing whose password it asks for).
        await Expect(page.Locator("[data-testid='ory/screen/login/current-identifier']")).ToHaveTextAsync(email);
        await Expect(page.Locator("input[name=identifier]")).ToHaveValueAsync(email);
        await Expect(page.Locator("input[name=identifier]")).ToBeHiddenAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-login-refresh");
        await Input(page, "password").FillAsync(Password);
        await Submit(page, "password").ClickAsync();
        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await Input(page, "password").FillAsync(NewPassword);
        await Submit(page, "password").ClickAsync();
        await Expect(Message(page, 1050001)).ToBeVisibleAsync();

        // Settings: TOTP enrolment, the code computed from the secret the page shows.
        var secret = (await Input(page, "totp_secret_key").InputValueAsync()).Trim();
        secret.ShouldNotBeNullOrEmpty();
        await Input(page, "totp_code").FillAsync(TestTotp.Code(secret, Tessera.Clock.GetUtcNow()));
        await Submit(page, "totp").ClickAsync();
        await Expect(Message(page, 1050001)).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='ory/form/node/button/totp_unlink'], button[name=totp_unlink]")).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "elements-settings-totp-linked");

        // Sign out, then recovery by the e-mailed code, ending on settings where a new password is set.
        await page.GotoAsync(App.Page("/"));
        await SignOutAsync(page);
        await page.ClickAsync("#link-recovery");
        await Expect(page).ToHaveURLAsync(FlowPage("recovery"));
        await Input(page, "email").FillAsync(email);
        await Submit(page, "code").ClickAsync();
        await Expect(Message(page, 1060003)).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-recovery-code-sent");
        await Input(page, "code").FillAsync(await EmailedCodeAsync(email, 2));
        await Submit(page, "code").ClickAsync();

        // The recovered session is aal1 and the identity has TOTP: settings (required_aal highest_available) asks for
        // the second factor first, then returns to the settings flow.
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await Expect(Input(page, "totp_code")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-login-aal2");
        Tessera.Clock.Advance(TimeSpan.FromSeconds(30)); // the step the enrolment used cannot be used again
        await Input(page, "totp_code").FillAsync(TestTotp.Code(secret, Tessera.Clock.GetUtcNow()));
        await Submit(page, "totp").ClickAsync();
        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await Expect(Message(page, 1060001)).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-settings-after-recovery");
        await Input(page, "password").FillAsync(RecoveredPassword);
        await Submit(page, "password").ClickAsync();
        await Expect(Message(page, 1050001)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ErrorPage_ForAnUnknownErrorId_ShowsTheErrorFromTessera()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        var id = Guid.NewGuid().ToString();
        await page.GotoAsync(App.Page($"/error?id={id}"));
        await Expect(page.Locator("#page-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#page-error")).ToContainTextAsync(id);
        await Expect(page.Locator("#page-error")).ToContainTextAsync("does not exist");
        await ChromiumBrowser.ScreenshotAsync(page, "elements-error");
    }

    [Fact]
    public async Task LoginFlow_ForAnUnknownFlowId_StartsANewFlow()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        var unknown = Guid.NewGuid().ToString();
        await page.GotoAsync(App.Page($"/login?flow={unknown}"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await Expect(Input(page, "identifier")).ToBeVisibleAsync();
        page.Url.ShouldNotContain(unknown);
    }

    [Fact]
    public async Task LoginFlow_SubmittedAfterItExpired_RestartsWith4010001()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Tessera, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(App.Page("/login"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await Expect(Input(page, "identifier")).ToBeVisibleAsync();
        var expired = FlowId(page.Url);

        Tessera.Clock.Advance(TimeSpan.FromMinutes(11));
        await SignInAsync(page, email, Password);

        await Expect(Message(page, 4010001)).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        FlowId(page.Url).ShouldNotBe(expired);
        await ChromiumBrowser.ScreenshotAsync(page, "elements-login-expired");
        await SignInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(Home());
        await Expect(page.Locator("#session-email")).ToHaveTextAsync(email);
    }

    [Fact]
    public async Task LoginFlow_ResubmittedAfterItFinished_ShowsTheSingleUseMessage()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Tessera, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(App.Page("/login"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        var finished = page.Url;
        await SignInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(Home());

        await page.GotoAsync(finished);
        await SignInAsync(page, email, Password);

        await Expect(Message(page, 4010007)).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-login-single-use");
    }

    private static async Task RegisterAsync(IPage page, string email, string password)
    {
        await Input(page, "traits.email").FillAsync(email);
        // Kratos's two-step registration asks for the traits first (method=profile), then the credential.
        var passwordInput = Input(page, "password");
        if (!await passwordInput.IsVisibleAsync())
        {
            await Submit(page, "profile").ClickAsync();
        }

        await passwordInput.FillAsync(password);
        await Submit(page, "password").ClickAsync();
    }

    private static async Task SignInAsync(IPage page, string identifier, string password)
    {
        await Input(page, "identifier").FillAsync(identifier);
        await Input(page, "password").FillAsync(password);
        await Submit(page, "password").ClickAsync();
    }

    private async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("#link-logout");
        await Expect(page).ToHaveURLAsync(Home());
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Runs one courier poll, then reads the six-digit code from the <paramref name="nth"/> message (1-based) to
    /// <paramref name="email"/>: the journey's address gets the verification code first, the recovery code second.
    /// </summary>
    private async Task<string> EmailedCodeAsync(string email, int nth)
    {
        await server.DeliverAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        List<SmtpSinkMessage> mails;
        while ((mails = server.Sink.Messages.Where(m => m.IsFor(email)).ToList()).Count < nth)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"message {nth} to {email} did not arrive");
            await Task.Delay(100);
        }

        var code = Regex.Match(mails[nth - 1].TextBody, @"\b\d{6}\b").Value;
        code.ShouldNotBeNullOrEmpty(mails[nth - 1].TextBody);
        return code;
    }

    private async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // What the app asked Tessera and what the browser complained about, in the test's output when a step fails.
        var tessera = Tessera.PublicUrl.GetLeftPart(UriPartial.Authority);
        page.Response += (_, r) =>
        {
            if (r.Url.StartsWith(tessera, StringComparison.Ordinal))
            {
                output.WriteLine($"{r.Request.Method} {r.Url} -> {r.Status}");
            }
        };
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                output.WriteLine($"console {m.Type}: {m.Text}");
            }
        };
        return page;
    }

    private static ILocator Input(IPage page, string name) => page.Locator($"[data-testid='ory/form/node/input/{name}']");

    private static ILocator Submit(IPage page, string method) => page.Locator($"button[type=submit][name=method][value={method}]");

    private static ILocator Message(IPage page, int id) => page.Locator($"[data-testid='ory/message/{id}']").First;

    private Regex FlowPage(string kind) => new($"^{Regex.Escape(App.Origin)}/{kind}\\?flow=[0-9a-f-]{{36}}$");

    private Regex Home() => new($"^{Regex.Escape(App.Origin)}/$");

    private static string FlowId(string url) => Regex.Match(url, "flow=([0-9a-f-]{36})").Groups[1].Value;

    private static string NewEmail() => $"elements-{Guid.NewGuid():N}@example.com";
}
