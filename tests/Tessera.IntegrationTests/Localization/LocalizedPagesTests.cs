// SPDX-License-Identifier: Apache-2.0
using Microsoft.Playwright;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.Ui;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.Localization;

/// <summary>
/// Issue 22, acceptance 3: the built-in pages in the browser's language (Chromium's locale sets <c>Accept-Language</c>),
/// with the flow's messages in it too; message ids stay as they are, so these tests find messages by id and read
/// their text.
/// </summary>
public sealed class LocalizedPagesTests(UiServer server, ChromiumBrowser chromium) : IClassFixture<UiServer>, IClassFixture<ChromiumBrowser>
{
    static LocalizedPagesTests() => SetDefaultExpectTimeout(20_000);

    private TesseraTestServer Server => server.Server;

    [Fact]
    public async Task GermanBrowser_SeesTheGermanSignInPage_AndGermanMessagesAfterAWrongSubmit()
    {
        await using var context = await chromium.NewContextAsync(locale: "de-DE");
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/ui/login"));

        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Anmelden");
        await Expect(page.Locator("button[name=method][value=password]")).ToHaveTextAsync("Mit Passwort anmelden");
        await Expect(page.Locator("#link-registration")).ToHaveTextAsync("Noch kein Konto? Jetzt erstellen");
        (await page.Locator("label").AllTextContentsAsync()).ShouldContain("Passwort");
        await AssertEveryInputIsLabelledAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "login-de");

        await SignInAsync(page, "niemand@example.com", "nicht das Passwort 1");

        var message = page.Locator("[data-message-id='4000006']");
        await Expect(message).ToHaveTextAsync(
            "Die angegebenen Zugangsdaten sind ungültig. Prüfen Sie Passwort, Benutzername, E-Mail-Adresse oder Telefonnummer auf Tippfehler.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Anmelden");
        (await page.InputValueAsync("input[name=identifier]")).ShouldBe("niemand@example.com");
        await ChromiumBrowser.ScreenshotAsync(page, "login-de-wrong-password");
    }

    [Fact]
    public async Task GermanBrowser_RegistrationWithATooShortPassword_ShowsTheGermanValidationMessageWithItsNumbers()
    {
        await using var context = await chromium.NewContextAsync(locale: "de-DE");
        var page = await NewPageAsync(context);
        await page.GotoAsync(Url("/ui/registration"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Konto erstellen");

        await page.FillAsync("input[name='traits.email']", NewEmail());
        await page.ClickAsync("button[name=method][value=profile]");
        await Expect(page.Locator("[data-message-id='1040009']")).ToHaveTextAsync("Bitte wählen Sie aus, womit Sie sich authentifizieren möchten.");
        await page.FillAsync("input[name=password]", "kurz1");
        await page.ClickAsync("button[name=method][value=password]");

        await Expect(page.Locator("[data-message-id='4000032']")).ToHaveTextAsync("Das Passwort muss mindestens 8 Zeichen lang sein, hat aber 5.");
        await ChromiumBrowser.ScreenshotAsync(page, "registration-de-short-password");
    }

    [Fact]
    public async Task LangQuery_OnFlowCreation_BeatsTheBrowserLanguage()
    {
        await using var context = await chromium.NewContextAsync(locale: "de-DE");
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/self-service/login/browser?lang=fr"));

        await Expect(page).ToHaveURLAsync(FlowPage("login"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Se connecter");
        (await page.Locator("label").AllTextContentsAsync()).ShouldContain("Mot de passe");
        await ChromiumBrowser.ScreenshotAsync(page, "login-fr");
    }

    [Fact]
    public async Task FrenchBrowser_SeesTheWelcomeAndErrorPagesInFrench_WithTheTechnicalDetailsAsWritten()
    {
        await using var context = await chromium.NewContextAsync(locale: "fr-FR");
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/ui/welcome"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bienvenue");
        await Expect(page.Locator("#link-login")).ToHaveTextAsync("Se connecter");

        await page.GotoAsync(Url($"/ui/error?id={Guid.NewGuid()}"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("L'erreur est introuvable.");
        await Expect(page.Locator("#technical-details summary")).ToHaveTextAsync("Détails techniques");
        await Expect(page.Locator("#error-id")).ToHaveTextAsync("self_service_error_not_found");
        await ChromiumBrowser.ScreenshotAsync(page, "error-fr");
    }

    [Fact]
    public async Task EnglishBrowser_SeesTheEnglishPage()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await NewPageAsync(context);

        await page.GotoAsync(Url("/ui/login"));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
    }

    private string Url(string path) => new Uri(Server.PublicUrl, path).AbsoluteUri;
}
