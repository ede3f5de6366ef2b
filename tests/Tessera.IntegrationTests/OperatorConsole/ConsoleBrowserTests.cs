// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Security.ApiKeys;
using static Microsoft.Playwright.Assertions;
using static Tessera.IntegrationTests.Fixtures.ApiSessions;
using static Tessera.IntegrationTests.OperatorConsole.ConsoleIdentityTests;
using static Tessera.IntegrationTests.Ui.UiSteps;

namespace Tessera.IntegrationTests.OperatorConsole;

/// <summary>
/// Issue 22, acceptance 4, in Chromium: an operator signs in to the console with an admin key, finds an identity,
/// disables it (its session stops: whoami 401; its next sign-in shows 4010011, which the error dashboard then shows),
/// revokes another identity's session and resends an abandoned courier message. With <c>TESSERA_CONSOLE_SHOTS</c> set
/// to a folder, a PNG of each console page is written there.
/// </summary>
public sealed class ConsoleBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Passphrase = "a-long-and-unguessable-passphrase-7";

    static ConsoleBrowserTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Operator_FindsAndDisablesAnIdentity_RevokesASession_AndResendsACourierMessage()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["serve.admin.auth.required"] = "true" });
        var (_, adminKey) = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(ApiKeyKind.Admin, "operator", null);
        var admin = new Uri(server.AdminUrl, "/");
        var email = $"console-{Guid.NewGuid():N}@example.com";
        var other = $"other-{Guid.NewGuid():N}@example.com";
        var identityId = await CreateIdentityAsync(server, adminKey, email);
        var otherId = await CreateIdentityAsync(server, adminKey, other);
        var token = await LoginAsync(server, email, Passphrase);
        var otherToken = await LoginAsync(server, other, Passphrase);
        var messageId = await ConsoleSectionTests.AbandonedMessageAsync(server, $"lost-{Guid.NewGuid():N}@example.com");
        await using var context = await chromium.NewContextAsync(javaScriptEnabled: false);
        var page = await NewPageAsync(context);

        // Sign in: the console sends the browser to its sign-in form, where the admin key is pasted once.
        await page.GotoAsync(new Uri(admin, "/console").AbsoluteUri);
        await Expect(page).ToHaveURLAsync(new Uri(admin, "/console/sign-in").AbsoluteUri);
        await ShotAsync(page, "console-sign-in");
        await page.FillAsync("input[name=admin_key]", adminKey);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Uri(admin, "/console").AbsoluteUri);
        await Expect(page.Locator("nav.console a[href='/console/errors']")).ToBeVisibleAsync();
        await ShotAsync(page, "console-home");

        // Find the identity by its e-mail address and open it.
        await page.ClickAsync("nav.console a[href='/console/identities']");
        await page.FillAsync("#identifier", email);
        await page.ClickAsync("form.search button");
        await Expect(page.Locator("tr[data-identity-id]")).ToHaveCountAsync(1);
        await ShotAsync(page, "console-identities");
        await page.ClickAsync($"tr[data-identity-id='{identityId}'] a");
        await Expect(page.Locator("dd[data-state]")).ToHaveTextAsync("active");
        await Expect(page.Locator("table.credentials")).ToContainTextAsync("password");
        await ShotAsync(page, "console-identity");

        // Disable it: its session stops, and its next sign-in attempt is refused with 4010011.
        await page.ClickAsync("form[action$='/disable'] button");
        await Expect(page.Locator("dd[data-state]")).ToHaveTextAsync("inactive");
        await Expect(page.Locator(".message.success")).ToBeVisibleAsync();
        await ShotAsync(page, "console-identity-disabled");
        (await WhoamiAsync(server, token)).ShouldBe(HttpStatusCode.Unauthorized);
        var login = await context.NewPageAsync();
        await login.GotoAsync(new Uri(server.PublicUrl, "/ui/login").AbsoluteUri);
        await SignInAsync(login, email, Passphrase);
        await Expect(login.Locator("[data-message-id='4010011']")).ToBeVisibleAsync();
        await login.CloseAsync();

        // The error dashboard shows that 4010011 (occurrences are written in batches: reload until it is there, within a minute).
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        await page.ClickAsync("nav.console a[href='/console/errors']");
        while (await page.Locator("a[data-code='4010011']").CountAsync() == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Expect(page.Locator("a[data-code='4010011']").First).ToBeVisibleAsync();
        await ShotAsync(page, "console-errors");
        await page.Locator("a[data-code='4010011']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/errors/4010011"));
        await ShotAsync(page, "console-errors-4010011");

        // Revoke the other identity's session from the sessions list.
        await page.ClickAsync("nav.console a[href='/console/sessions']");
        var otherRow = page.Locator($"tr:has(a[href='/console/identities/{otherId}'])");
        await Expect(otherRow).ToHaveCountAsync(1);
        await ShotAsync(page, "console-sessions");
        await otherRow.Locator("button").ClickAsync();
        await Expect(page.Locator(".message.success")).ToBeVisibleAsync();
        await Expect(page.Locator($"tr:has(a[href='/console/identities/{otherId}'])")).ToHaveCountAsync(0);
        (await WhoamiAsync(server, otherToken)).ShouldBe(HttpStatusCode.Unauthorized);

        // Resend the abandoned courier message.
        await page.ClickAsync("nav.console a[href='/console/courier']");
        var messageRow = page.Locator($"tr[data-message-id='{messageId}']");
        await Expect(messageRow).ToHaveAttributeAsync("data-status", "abandoned");
        await Expect(messageRow).ToContainTextAsync("courier_send_failed");
        await ShotAsync(page, "console-courier");
        await messageRow.Locator("button").ClickAsync();
        await Expect(page.Locator(".message.success")).ToBeVisibleAsync();
        await Expect(page.Locator($"tr[data-message-id='{messageId}']")).Not.ToHaveAttributeAsync("data-status", "abandoned");
        (await server.Services.GetRequiredService<CourierStore>().FindAsync(messageId))!.Status.ShouldNotBe(CourierMessageStatus.Abandoned);

        await page.ClickAsync("nav.console a[href='/console/hooks']");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hooks");
        await ShotAsync(page, "console-hooks");
    }

    [Fact]
    public async Task GermanBrowser_SeesTheConsoleInGerman()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);
        await using var context = await chromium.NewContextAsync(javaScriptEnabled: false, locale: "de-DE");
        var page = await NewPageAsync(context);

        await page.GotoAsync(new Uri(server.AdminUrl, "/console").AbsoluteUri);
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.Locator("nav.console a[href='/console/identities']")).ToHaveTextAsync("Identitäten");
        await Expect(page.Locator(".message").First).ToContainTextAsync("Admin-Authentifizierung ist ausgeschaltet");
        await ShotAsync(page, "console-home-de");
    }

    private static async Task<Guid> CreateIdentityAsync(TesseraTestServer server, string adminKey, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/identities")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { traits = new { email }, credentials = new { password = new { config = new { password = Passphrase } } } }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await server.Admin.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A full-page PNG into <c>TESSERA_CONSOLE_SHOTS</c> (absolute path) when it is set; nothing otherwise.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("TESSERA_CONSOLE_SHOTS") is { Length: > 0 } folder && Path.IsPathFullyQualified(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
