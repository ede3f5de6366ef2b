// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Logout;

/// <summary>
/// Where a browser lands after signing out without a <c>return_to</c>, in Kratos's order:
/// <c>selfservice.flows.logout.after.default_browser_return_url</c>, then <c>selfservice.default_browser_return_url</c>,
/// then the built-in welcome page.
/// </summary>
public sealed class LogoutReturnUrlTests
{
    private const string Password = "a long passphrase for logout 3";
    private const string AfterLogout = "https://app.example.com/signed-out";
    private const string Default = "https://app.example.com/home";

    [Theory]
    [InlineData(AfterLogout, Default, AfterLogout)]
    [InlineData(AfterLogout, null, AfterLogout)]
    [InlineData(null, Default, Default)]
    [InlineData(null, null, "/ui/welcome")]
    public async Task Logout_WithoutReturnTo_LandsOnTheConfiguredUrl(string? afterLogout, string? defaultReturn, string expected)
    {
        var settings = new Dictionary<string, string>();
        if (afterLogout is not null)
        {
            settings["selfservice.flows.logout.after.default_browser_return_url"] = afterLogout;
        }

        if (defaultReturn is not null)
        {
            settings["selfservice.default_browser_return_url"] = defaultReturn;
        }

        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, settings);
        using var browser = new BrowserClient(server.PublicUrl);
        await SignInAsync(server, browser);

        using var urlResponse = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/logout/browser", null);
        using var body = JsonDocument.Parse(await urlResponse.Content.ReadAsStringAsync());
        using var logout = await browser.GetAsync(body.RootElement.GetProperty("logout_url").GetString()!);

        logout.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var location = logout.Headers.Location!;
        (location.IsAbsoluteUri && expected.StartsWith('/') ? location.AbsolutePath : location.OriginalString).ShouldBe(expected);
        using var whoami = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        whoami.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task SignInAsync(TesseraTestServer server, BrowserClient browser)
    {
        var email = $"logout-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(server, email, Password);
        using var started = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/login/browser", null);
        using var flow = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        using var login = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password, csrf_token = FlowJson.NodeValue(flow.RootElement, "csrf_token") });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
    }
}
