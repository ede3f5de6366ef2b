// SPDX-License-Identifier: Apache-2.0
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Oidc;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tessera.IntegrationTests.Ui.Elements;

/// <summary>
/// Issue 19 through Ory's own components (<c>@ory/elements-react</c>, unchanged): with the oidc method configured, the
/// login and registration pages offer the provider's button (Elements' social button, test id
/// <c>ory/form/node/input/provider</c>), and clicking it on registration signs up through the real provider on loopback
/// and ends signed in at the app's home.
/// </summary>
public sealed class ElementsOidcTests(ElementsOidcServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : IClassFixture<ElementsOidcServer>, IClassFixture<ChromiumBrowser>
{
    static ElementsOidcTests() => SetDefaultExpectTimeout(20_000);

    private ElementsApp App => server.App;

    [Theory]
    [InlineData("login")]
    [InlineData("registration")]
    public async Task FlowPage_ShowsTheProviderButton(string kind)
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(App.Page($"/{kind}"));

        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(App.Origin)}/{kind}\\?flow=[0-9a-f-]{{36}}$"));
        var button = ProviderButton(page);
        await Expect(button).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("value", OidcServer.ProviderId);
        await Expect(button).ToHaveAttributeAsync("aria-label", new Regex("Fixture"));
        await ChromiumBrowser.ScreenshotAsync(page, $"elements-{kind}-oidc");
    }

    [Fact]
    public async Task Registration_ClickingTheProvider_SignsUpThroughItAndEndsSignedInAtHome()
    {
        var email = $"elements-oidc-{Guid.NewGuid():N}@example.org";
        await server.Provider.ResetAsync(OidcServer.CallbackUrlOf(server.Server));
        await server.Provider.ControlAsync(new { user = new { sub = $"elements-{Guid.NewGuid():N}", email, email_verified = true } });
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(App.Page("/registration"));
        await ProviderButton(page).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(App.Origin)}/$"));
        await Expect(page.Locator("#session-email")).ToHaveTextAsync(email);
        await ChromiumBrowser.ScreenshotAsync(page, "elements-registration-oidc-done");
    }

    private static ILocator ProviderButton(IPage page) => page.Locator("[data-testid='ory/form/node/input/provider']");

    private async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.Response += (_, r) => output.WriteLine($"{r.Request.Method} {r.Url} -> {r.Status}");
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                output.WriteLine($"console {m.Type}: {m.Text}");
            }
        };
        return page;
    }
}

/// <summary>The Elements journey's server with the oidc method: the loopback OpenID provider as the provider <c>fixture</c>.</summary>
public sealed class ElementsOidcServer : ElementsJourneyServer
{
    private OidcProviderProcess? _provider;

    public OidcProviderProcess Provider => _provider ?? throw new InvalidOperationException("The OpenID provider has not started.");

    public override async Task InitializeAsync()
    {
        _provider = await OidcProviderProcess.StartAsync();
        await base.InitializeAsync();
        await Provider.ResetAsync(OidcServer.CallbackUrlOf(Server));
    }

    protected override void Configure(Dictionary<string, string> settings)
    {
        foreach (var (key, value) in OidcServer.Settings($"\"issuer_url\": \"{Provider.Issuer.AbsoluteUri.TrimEnd('/')}\""))
        {
            settings[key] = value;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
