// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.KratosParity;

/// <summary>
/// Issue 16: a re-authentication (<c>refresh=true</c>) or step-up (<c>aal=aal2</c>) login flow belongs to the identity
/// of the session that started it. Kratos fixes the identifier (a hidden, pre-filled input) and says why (1010003,
/// 1010004); another identity's credentials are refused and the session is refreshed, never replaced.
/// </summary>
public abstract class ReauthenticationTests(FlowServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task RefreshFlow_WithASession_PinsTheIdentifierAsAHiddenPrefilledInputAndCarries1010003()
    {
        var (email, token) = await SignedInAsync();

        using var flow = await CreateLoginFlowAsync("refresh=true", token);

        flow.RootElement.GetProperty("refresh").GetBoolean().ShouldBeTrue();
        FlowJson.MessageIds(flow.RootElement).ShouldBe([1010003]);
        var identifier = FlowJson.Node(flow.RootElement, "identifier").GetProperty("attributes");
        identifier.GetProperty("type").GetString().ShouldBe("hidden");
        identifier.GetProperty("value").GetString().ShouldBe(email);
    }

    [Fact]
    public async Task RefreshFlow_SubmittedWithThePinnedIdentifier_RefreshesTheSameSession()
    {
        var (_, token) = await SignedInAsync();
        var before = await WhoamiAsync(token);
        Server.Clock.Advance(TimeSpan.FromSeconds(5));

        using var flow = await CreateLoginFlowAsync("refresh=true", token);
        using var response = await SubmitAsync(flow, token,
            new { method = "password", identifier = FlowJson.NodeValue(flow.RootElement, "identifier"), password = Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = await WhoamiAsync(token);
        after.GetProperty("id").GetString().ShouldBe(before.GetProperty("id").GetString());
        after.GetProperty("authenticated_at").GetDateTimeOffset().ShouldBeGreaterThan(before.GetProperty("authenticated_at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("refresh=true")]
    [InlineData("aal=aal2")]
    public async Task PinnedFlow_AnotherIdentitysCredentials_Are403SecurityIdentityMismatchAndTheSessionStays(string query)
    {
        var (_, token) = await SignedInAsync();
        var other = $"other-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(Server, other, Password);
        var before = await WhoamiAsync(token);

        using var flow = await CreateLoginFlowAsync(query, token);
        using var response = await SubmitAsync(flow, token, new { method = "password", identifier = other, password = Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_identity_mismatch");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.TryGetProperty("session_token", out _).ShouldBeFalse();
        var after = await WhoamiAsync(token);
        after.GetProperty("id").GetString().ShouldBe(before.GetProperty("id").GetString());
        after.GetProperty("identity").GetProperty("id").GetString().ShouldBe(before.GetProperty("identity").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PinnedBrowserFlow_AnotherIdentitysCredentials_AreRefusedAndTheBrowserKeepsItsSession()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var email = $"pinned-{Guid.NewGuid():N}@example.com";
        var other = $"other-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(Server, email, Password);
        await TestIdentities.CreateAsync(Server, other, Password);
        using (var first = await BrowserLoginFlowAsync(browser, string.Empty))
        {
            using var signedIn = await BrowserSubmitAsync(browser, first, email);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        }

        using var refresh = await BrowserLoginFlowAsync(browser, "refresh=true");
        using var response = await BrowserSubmitAsync(browser, refresh, other);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("security_identity_mismatch");
        using var whoami = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        using var session = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        session.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
    }

    [Fact]
    public async Task RefreshFlow_WithoutASession_HasRefreshFalseAndAnEditableIdentifier()
    {
        using var flow = await CreateLoginFlowAsync("refresh=true", token: null);

        flow.RootElement.GetProperty("refresh").GetBoolean().ShouldBeFalse();
        FlowJson.MessageIds(flow.RootElement).ShouldBeEmpty();
        FlowJson.Node(flow.RootElement, "identifier").GetProperty("attributes").GetProperty("type").GetString().ShouldNotBe("hidden");
    }

    [Fact]
    public async Task Aal2Flow_WithoutASecondFactorSetUp_Carries1010004()
    {
        var (_, token) = await SignedInAsync();

        using var flow = await CreateLoginFlowAsync("aal=aal2", token);

        flow.RootElement.GetProperty("requested_aal").GetString().ShouldBe("aal2");
        FlowJson.MessageIds(flow.RootElement).ShouldBe([1010004]);
    }

    [Fact]
    public async Task OrdinaryFlow_SubmittedWhileSignedInAsAnotherIdentity_IsRefusedWithSessionAlreadyAvailable()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var email = $"first-{Guid.NewGuid():N}@example.com";
        var other = $"other-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(Server, email, Password);
        await TestIdentities.CreateAsync(Server, other, Password);
        using var opened = await BrowserLoginFlowAsync(browser, string.Empty);
        using (var second = await BrowserLoginFlowAsync(browser, string.Empty))
        {
            using var signedIn = await BrowserSubmitAsync(browser, second, email);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        }

        using var response = await BrowserSubmitAsync(browser, opened, other);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_already_available");
        using var whoami = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        using var session = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        session.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
    }

    [Fact]
    public async Task OrdinaryApiFlow_SubmittedWithASessionToken_IsRefusedWithSessionAlreadyAvailable()
    {
        var (_, token) = await SignedInAsync();
        var other = $"other-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(Server, other, Password);

        using var flow = await CreateLoginFlowAsync(string.Empty, token: null);
        using var response = await SubmitAsync(flow, token, new { method = "password", identifier = other, password = Password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_already_available");
    }

    private async Task<(string Email, string Token)> SignedInAsync()
    {
        var email = $"reauth-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(Server, email, Password);
        using var flow = await CreateLoginFlowAsync(string.Empty, token: null);
        using var response = await SubmitAsync(flow, token: null, new { method = "password", identifier = email, password = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (email, body.RootElement.GetProperty("session_token").GetString()!);
    }

    private async Task<JsonDocument> CreateLoginFlowAsync(string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/login/api?{query}");
        if (token is not null)
        {
            request.Headers.Add("X-Session-Token", token);
        }

        using var response = await Server.Public.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SubmitAsync(JsonDocument flow, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}")
        {
            Content = JsonContent.Create(body),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Session-Token", token);
        }

        return await Server.Public.SendAsync(request);
    }

    private async Task<JsonElement> WhoamiAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("X-Session-Token", token);
        using var response = await Server.Public.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    private static async Task<JsonDocument> BrowserLoginFlowAsync(BrowserClient browser, string query)
    {
        using var created = await browser.GetAsync($"/self-service/login/browser?{query}");
        created.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await created.Content.ReadAsStringAsync());
        return await browser.GetFlowAsync("login", FlowJson.FlowIdFromLocation(created));
    }

    private static Task<HttpResponseMessage> BrowserSubmitAsync(BrowserClient browser, JsonDocument flow, string identifier) =>
        browser.SendJsonAsync(HttpMethod.Post, flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!, new Dictionary<string, string>
        {
            ["csrf_token"] = FlowJson.NodeValue(flow.RootElement, "csrf_token")!,
            ["method"] = "password",
            ["identifier"] = identifier,
            ["password"] = Password,
        });
}

public sealed class SqliteReauthenticationTests(SqliteFlowServer fixture) : ReauthenticationTests(fixture), IClassFixture<SqliteFlowServer>;

public sealed class PostgresReauthenticationTests(PostgresFlowServer fixture) : ReauthenticationTests(fixture), IClassFixture<PostgresFlowServer>;
