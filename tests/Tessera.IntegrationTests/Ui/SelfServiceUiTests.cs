// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// Issue 9: a person in a real browser (Debian chromium) using only the built-in pages, starting where acceptance 1
/// starts, at /ui/login. Assertions use message ids and error ids (data attributes), not English text.
/// </summary>
public sealed class SelfServiceUiTests(UiServer server, ChromiumBrowser chromium) : IClassFixture<UiServer>, IClassFixture<ChromiumBrowser>
{
    private const string Password = "a long enough passphrase 42";

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

        await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "csrf_token" });
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

    private static async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.FillAsync("input[name='traits.email']", email);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[name=method][value=password]");
    }

    private static async Task SignInAsync(IPage page, string identifier, string password)
    {
        await page.FillAsync("input[name=identifier]", identifier);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[name=method][value=password]");
    }

    // Every visible input has a <label for> naming it (read without page scripts, so it also works with JS off).
    private static async Task AssertEveryInputIsLabelledAsync(IPage page)
    {
        var inputs = page.Locator("input:not([type=hidden])");
        (await inputs.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var input in await inputs.AllAsync())
        {
            var id = await input.GetAttributeAsync("id");
            id.ShouldNotBeNullOrEmpty();
            (await page.Locator($"label[for='{id}']").CountAsync()).ShouldBe(1, $"input {id} has no label");
        }
    }

    private string Url(string path) => new Uri(Server.PublicUrl, path).AbsoluteUri;

    private static Regex FlowPage(string kind) => new($"/ui/{kind}\\?flow=[0-9a-f-]{{36}}$");

    private static Regex Welcome() => new("/ui/welcome$");

    private static string NewEmail() => $"ui-{Guid.NewGuid():N}@example.com";
}
