// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// Issue 9: a person in a real browser (Debian chromium) using only the built-in pages, starting where acceptance 1
/// starts, at /ui/login. Assertions use message ids and error ids (data attributes), not English text.
/// </summary>
public sealed class SelfServiceUiTests(UiServer server, ChromiumBrowser chromium) : IClassFixture<UiServer>, IClassFixture<ChromiumBrowser>
{
    static SelfServiceUiTests() => SetDefaultExpectTimeout(20_000);

    private TesseraTestServer Server => server.Server;

    [Fact]
    public async Task Person_RegistersLogsOutAndLogsIn_StartingAtUiLogin()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        var email = NewEmail();

        await page.GotoAsync(Url("/ui/login"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "login");

        await page.ClickAsync("#link-registration");
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "registration");
        await RegisterAsync(page, email);

        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await ChromiumBrowser.ScreenshotAsync(page, "welcome");

        await page.ClickAsync("#link-logout");
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(page, "welcome-signed-out");

        await page.ClickAsync("#link-login");
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await SignInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task Registration_TwoSteps_TraitsThenPasswordWithABackButtonThatKeepsTheTraits()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        var email = NewEmail();
        await page.GotoAsync(Url("/ui/registration"));
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));
        await Expect(page.Locator("input[name=password]")).ToHaveCountAsync(0);

        await page.FillAsync("input[name='traits.email']", email);
        await page.ClickAsync("button[name=method][value=profile]");

        await Expect(page.Locator("[data-message-id='1040009']")).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='traits.email']")).ToHaveAttributeAsync("type", "hidden");
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "registration-credentials");
        await page.ClickAsync("button[name=screen][value=previous]");

        await Expect(page.Locator("input[name='traits.email']")).ToHaveValueAsync(email);
        await Expect(page.Locator("input[name=password]")).ToHaveCountAsync(0);
        await page.ClickAsync("button[name=method][value=profile]");
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[name=method][value=password]");
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task WrongPassword_IsShownOnTheSameFlowWith4000006AndTheIdentifierKept()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(Url("/ui/login"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        var flowUrl = page.Url;

        await SignInAsync(page, "nobody@example.com", "not the password 1");

        await Expect(page.Locator("[data-message-id='4000006']")).ToBeVisibleAsync();
        page.Url.ShouldBe(flowUrl);
        (await page.InputValueAsync("input[name=identifier]")).ShouldBe("nobody@example.com");
        (await page.InputValueAsync("input[name=password]")).ShouldBeEmpty();
        await ChromiumBrowser.ScreenshotAsync(page, "login-wrong-password");
    }

    [Fact]
    public async Task ExpiredFlow_SubmittedFromThePage_RestartsWithThe4010001Message()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(Url("/ui/login"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        var first = page.Url;

        Server.Clock.Advance(TimeSpan.FromMinutes(2));
        await SignInAsync(page, "late@example.com", Password);

        await Expect(page.Locator("[data-message-id='4010001']")).ToBeVisibleAsync();
        page.Url.ShouldNotBe(first);
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await ChromiumBrowser.ScreenshotAsync(page, "login-expired");
    }

    [Fact]
    public async Task ExpiredFlow_OpenedAgain_ShowsTheStartOverPageWhoseLinkStartsANewFlow()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(Url("/ui/login"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        var flowId = new Uri(page.Url).Query.Split("flow=")[1];

        Server.Clock.Advance(TimeSpan.FromMinutes(2));
        await page.GotoAsync(Url($"/self-service/login/flows?id={flowId}"));

        await Expect(page).ToHaveURLAsync(new Regex("/ui/error\\?id="));
        await Expect(page.Locator("#error-id")).ToHaveTextAsync("self_service_flow_expired");
        await ChromiumBrowser.ScreenshotAsync(page, "error-expired");
        await page.ClickAsync("#start-over");
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        page.Url.ShouldNotContain(flowId);
    }

    [Fact]
    public async Task UnknownFlowId_FetchedByTheBrowser_ShowsTheErrorPage()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url($"/self-service/login/flows?id={Guid.NewGuid()}"));

        await Expect(page).ToHaveURLAsync(new Regex("/ui/error\\?id="));
        await Expect(page.Locator("#error-id")).ToHaveTextAsync("self_service_flow_not_found");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("#start-over")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "error-unknown-flow");
    }

    [Fact]
    public async Task UnknownFlowId_OnTheLoginPage_RestartsAtTheInitEndpoint()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        var unknown = Guid.NewGuid().ToString();

        await page.GotoAsync(Url($"/ui/login?flow={unknown}"));

        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        page.Url.ShouldNotContain(unknown);
        await Expect(page.Locator("input[name=identifier]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CsrfCookieCleared_ThenSubmitted_ShowsTheCsrfErrorPage()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(Url("/ui/login"));
        await Expect(page).ToHaveURLAsync(FlowPage("login"));

        await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = Server.CsrfCookieName });
        await SignInAsync(page, "someone@example.com", Password);

        await Expect(page).ToHaveURLAsync(new Regex("/ui/error\\?id="));
        await Expect(page.Locator("#error-id")).ToHaveTextAsync("security_csrf_violation");
        await Expect(page.Locator("main li")).ToHaveCountAsync(3);
        await ChromiumBrowser.ScreenshotAsync(page, "error-csrf");
        await page.ClickAsync("#start-over");
        await Expect(page).ToHaveURLAsync(FlowPage("login"));
    }

    [Fact]
    public async Task JavaScriptDisabled_RegisterSignOutAndSignIn_StillWork()
    {
        await using var context = await chromium.NewContextAsync(javaScriptEnabled: false);
        var page = await NewPageAsync(context);
        var email = NewEmail();

        await page.GotoAsync(Url("/ui/registration"));
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));
        await RegisterAsync(page, email);
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);

        await page.ClickAsync("#link-logout");
        await Expect(page.Locator("#link-login")).ToBeVisibleAsync();
        await page.ClickAsync("#link-login");
        await SignInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(Welcome());
        await Expect(page.Locator("#session")).ToContainTextAsync(email);
        await ChromiumBrowser.ScreenshotAsync(page, "welcome-no-javascript");
    }

    private string Url(string path) => new Uri(Server.PublicUrl, path).AbsoluteUri;
}
