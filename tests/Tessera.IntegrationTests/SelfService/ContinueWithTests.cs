// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService;

/// <summary>
/// Issue 16: the <c>continue_with</c> items single-page and native apps navigate by, as Kratos 1.3 sends them: an API
/// registration's session token, a browser script's next page, and <c>null</c> for an API login with nothing to follow.
/// </summary>
public abstract class ContinueWithTests(FlowServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ApiRegistration_WithTheSessionHook_ContinuesWithSetOrySessionTokenCarryingTheToken()
    {
        using var flow = await ApiFlowAsync("registration");

        using var response = await Server.Public.PostAsJsonAsync($"/self-service/registration?flow={Id(flow)}",
            new { method = "password", password = Password, traits = new { email = NewEmail() } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = Item(body.RootElement, "set_ory_session_token");
        item.GetProperty("ory_session_token").GetString().ShouldBe(body.RootElement.GetProperty("session_token").GetString());
        Actions(body.RootElement).ShouldNotContain("redirect_browser_to");
    }

    [Fact]
    public async Task ApiLogin_WithNothingToFollow_AnswersContinueWithNull()
    {
        var email = await RegisterAsync();
        using var flow = await ApiFlowAsync("login");

        using var response = await Server.Public.PostAsJsonAsync($"/self-service/login?flow={Id(flow)}", new { method = "password", identifier = email, password = Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.TryGetProperty("continue_with", out var continueWith).ShouldBeTrue("Kratos writes the key");
        continueWith.ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task BrowserJsonRegistration_ContinuesWithRedirectBrowserTo()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var flow = await BrowserJsonFlowAsync(browser, "registration");

        using var response = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/registration?flow={flow.Id}",
            new { csrf_token = flow.Csrf, method = "password", password = Password, traits = new { email = NewEmail() } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        new Uri(Item(body.RootElement, "redirect_browser_to").GetProperty("redirect_browser_to").GetString()!).AbsolutePath.ShouldBe("/ui/welcome");
        Actions(body.RootElement).ShouldNotContain("set_ory_session_token");
    }

    [Fact]
    public async Task BrowserJsonLogin_ContinuesWithRedirectBrowserTo()
    {
        var email = await RegisterAsync();
        using var browser = new BrowserClient(Server.PublicUrl);
        var flow = await BrowserJsonFlowAsync(browser, "login");

        using var response = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flow.Id}",
            new { csrf_token = flow.Csrf, method = "password", identifier = email, password = Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        new Uri(Item(body.RootElement, "redirect_browser_to").GetProperty("redirect_browser_to").GetString()!).AbsolutePath.ShouldBe("/ui/welcome");
    }

    private async Task<string> RegisterAsync()
    {
        var email = NewEmail();
        using var flow = await ApiFlowAsync("registration");
        using var response = await Server.Public.PostAsJsonAsync($"/self-service/registration?flow={Id(flow)}",
            new { method = "password", password = Password, traits = new { email } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return email;
    }

    private async Task<JsonDocument> ApiFlowAsync(string kind)
    {
        using var response = await Server.Public.GetAsync($"/self-service/{kind}/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<(string Id, string Csrf)> BrowserJsonFlowAsync(BrowserClient browser, string kind)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, $"/self-service/{kind}/browser", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (Id(flow), FlowJson.NodeValue(flow.RootElement, "csrf_token")!);
    }

    private static string Id(JsonDocument flow) => flow.RootElement.GetProperty("id").GetString()!;

    private static string NewEmail() => $"continue-{Guid.NewGuid():N}@example.com";

    private static List<string?> Actions(JsonElement body) =>
        body.GetProperty("continue_with").EnumerateArray().Select(i => i.GetProperty("action").GetString()).ToList();

    private static JsonElement Item(JsonElement body, string action) =>
        body.GetProperty("continue_with").EnumerateArray().Single(i => i.GetProperty("action").GetString() == action);
}

public sealed class SqliteContinueWithTests(SqliteFlowServer fixture) : ContinueWithTests(fixture), IClassFixture<SqliteFlowServer>;

public sealed class PostgresContinueWithTests(PostgresFlowServer fixture) : ContinueWithTests(fixture), IClassFixture<PostgresFlowServer>;
