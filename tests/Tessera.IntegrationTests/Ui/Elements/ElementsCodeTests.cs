// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tessera.IntegrationTests.Ui.Elements;

/// <summary>
/// Issue 23 through Ory's own components (<c>@ory/elements-react</c>, unchanged): signing in with an e-mailed code,
/// the code read from the SMTP sink. Assertions use Elements' test ids.
/// </summary>
public sealed class ElementsCodeTests(ElementsCodeServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : IClassFixture<ElementsCodeServer>, IClassFixture<ChromiumBrowser>
{
    private const string Password = "a long enough passphrase 42";

    static ElementsCodeTests() => SetDefaultExpectTimeout(20_000);

    private ElementsApp App => server.App;

    private TesseraTestServer Tessera => server.Server;

    [Fact]
    public async Task SignIn_WithTheEmailedCode_EndsSignedInAtHome()
    {
        var email = $"elements-code-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(Tessera, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var tessera = Tessera.PublicUrl.GetLeftPart(UriPartial.Authority);
        page.Response += (_, r) =>
        {
            if (r.Url.StartsWith(tessera, StringComparison.Ordinal))
            {
                output.WriteLine($"{r.Request.Method} {r.Url} -> {r.Status}");
            }
        };

        await page.GotoAsync(App.Page("/login"));
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(App.Origin)}/login\\?flow=[0-9a-f-]{{36}}$"));
        await Input(page, "identifier").FillAsync(email);
        await ChromiumBrowser.ScreenshotAsync(page, "elements-login-code");
        await page.Locator("button[type=submit][name=method][value=code]").First.ClickAsync();

        // Elements shows 1010014 as the card's description (no message test id) above the code input of the `code` group.
        await Expect(Input(page, "code")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "elements-login-code-sent");
        await server.DeliverAsync();
        var mail = await server.Sink.WaitForMessageAsync(email);
        await Input(page, "code").FillAsync(Regex.Match(mail.TextBody, @"\b\d{6}\b").Value);
        await page.Locator("button[type=submit][name=method][value=code]").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(App.Origin)}/$"));
        await Expect(page.Locator("#session-email")).ToHaveTextAsync(email);
    }

    private static ILocator Input(IPage page, string name) => page.Locator($"[data-testid='ory/form/node/input/{name}']");
}

/// <summary>The Elements journey's server with sign-in and sign-up by code (<c>passwordless_enabled</c>).</summary>
public sealed class ElementsCodeServer : ElementsJourneyServer
{
    protected override void Configure(Dictionary<string, string> settings) =>
        settings["selfservice.methods.code.passwordless_enabled"] = "true";
}
