// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Links;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// Issue 16, the link method in a real browser through the built-in pages: recovery by the e-mailed link ending on the
/// settings page, the same link opened again leading to a new recovery flow with 4060004, and registration whose
/// verification page is completed by the e-mailed link. Assertions use message ids.
/// </summary>
public sealed class LinkUiTests(LinkUiServer server, ChromiumBrowser chromium) : IClassFixture<LinkUiServer>, IClassFixture<ChromiumBrowser>
{
    private const string NewPassword = "a password set after a link 5";

    static LinkUiTests() => SetDefaultExpectTimeout(20_000);

    private TesseraTestServer Server => server.Server;

    [Fact]
    public async Task Recovery_LinkFromTheEmail_EndsOnSettings_AndTheSameLinkAgainShows4060004()
    {
        var email = NewEmail();
        await TestIdentities.CreateAsync(Server, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/ui/login"));
        await page.ClickAsync("#link-recovery");
        await Expect(page).ToHaveURLAsync(FlowPage("recovery"));
        await AssertEveryInputIsLabelledAsync(page);
        await page.FillAsync("input[name=email]", email);
        await page.ClickAsync("button[name=method][value=link]");
        await Expect(page.Locator("[data-message-id='1060002']")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "recovery-link-sent");

        var link = await LinkFlowServer.DeliverLinkAsync(Server, server.Sink, email, "recovery");
        await page.GotoAsync(link.AbsoluteUri);

        await Expect(page).ToHaveURLAsync(FlowPage("settings"));
        await Expect(page.Locator("[data-message-id='1060001']")).ToBeVisibleAsync();
        await page.FillAsync("input[name=password]", NewPassword);
        await page.ClickAsync("button[name=method][value=password]");
        await Expect(page.Locator("[data-message-id='1050001']")).ToBeVisibleAsync();

        await using var other = await chromium.NewContextAsync();
        var second = await NewPageAsync(other);
        await second.GotoAsync(link.AbsoluteUri);
        await Expect(second).ToHaveURLAsync(FlowPage("recovery"));
        await Expect(second.Locator("[data-message-id='4060004']")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(second, "recovery-link-used");
    }

    [Fact]
    public async Task Registration_VerificationPageSaysALinkWasSent_AndTheLinkVerifies()
    {
        var email = NewEmail();
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);
        await page.GotoAsync(Url("/ui/registration"));
        await Expect(page).ToHaveURLAsync(FlowPage("registration"));

        await RegisterAsync(page, email);

        await Expect(page).ToHaveURLAsync(FlowPage("verification"));
        await Expect(page.Locator("[data-message-id='1080001']")).ToBeVisibleAsync();
        var link = await LinkFlowServer.DeliverLinkAsync(Server, server.Sink, email, "verification");
        await page.GotoAsync(link.AbsoluteUri);

        await Expect(page).ToHaveURLAsync(FlowPage("verification"));
        await Expect(page.Locator("[data-message-id='1080002']")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "verification-link-done");
        await page.ClickAsync("#continue");
        await Expect(page).ToHaveURLAsync(Welcome());
    }

    private string Url(string path) => new Uri(Server.PublicUrl, path).AbsoluteUri;
}
