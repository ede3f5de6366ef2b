// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// What a native app does with Tessera and the loopback provider: API flows created with
/// <c>return_session_token_exchange_code=true</c>, the system browser's trip through the provider, the token exchange,
/// and settings flows driven with its session token.
/// </summary>
internal sealed class OidcNativeApp(OidcServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    public async Task<(string FlowId, string InitCode)> CreateFlowAsync(string kind)
    {
        using var created = await Server.Public.GetAsync(
            $"/self-service/{kind}/api?return_session_token_exchange_code=true&return_to={Uri.EscapeDataString(ReturnTo.AbsoluteUri)}");
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var code = flow.RootElement.GetProperty("session_token_exchange_code").GetString()!;
        code.Length.ShouldBeGreaterThanOrEqualTo(40);
        return (flow.RootElement.GetProperty("id").GetString()!, code);
    }

    public Uri ReturnTo => new(Server.PublicUrl, "/native-app/callback");

    /// <summary>The app's flow, submitted with the provider; the system browser's trip through the provider; the code it brings back.</summary>
    public async Task<(string InitCode, string ReturnToCode)> ThroughProviderAsync(string kind)
    {
        var (flowId, initCode) = await CreateFlowAsync(kind);
        using var submitted = await Server.Public.PostAsJsonAsync($"/self-service/{kind}?flow={flowId}",
            new { method = "oidc", provider = OidcServer.ProviderId });
        ((int)submitted.StatusCode).ShouldBe(422, await submitted.Content.ReadAsStringAsync());
        using var change = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync());
        change.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("browser_location_change_required");
        var next = new Uri(change.RootElement.GetProperty("redirect_browser_to").GetString()!);

        using var browser = new BrowserClient(Server.PublicUrl);
        for (var hop = 0; hop < 12; hop++)
        {
            using var response = await browser.GetAsync(next.AbsoluteUri);
            if (next.AbsolutePath.StartsWith("/self-service/methods/oidc/callback/", StringComparison.Ordinal))
            {
                // The browser never sees the session: it is sent back to the app with the return-to code.
                response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
                var back = new Uri(Server.PublicUrl, response.Headers.Location!);
                back.GetLeftPart(UriPartial.Path).ShouldBe(ReturnTo.AbsoluteUri);
                (await response.Content.ReadAsStringAsync()).ShouldNotContain("ory_st_");
                return (initCode, System.Web.HttpUtility.ParseQueryString(back.Query)["code"]!);
            }

            response.StatusCode.ShouldBeOneOf([HttpStatusCode.SeeOther, HttpStatusCode.Found], await response.Content.ReadAsStringAsync());
            next = new Uri(next, response.Headers.Location!);
        }

        throw new InvalidOperationException("the provider never redirected back");
    }

    public Task<HttpResponseMessage> ExchangeAsync(string initCode, string returnToCode) =>
        Server.Public.GetAsync($"/sessions/token-exchange?init_code={Uri.EscapeDataString(initCode)}&return_to_code={Uri.EscapeDataString(returnToCode)}");

    /// <summary>Signs in (or up) through the provider as a native app does: the session token the exchange answers.</summary>
    public async Task<string> SignInAsync(string kind)
    {
        var (initCode, returnToCode) = await ThroughProviderAsync(kind);
        using var exchanged = await ExchangeAsync(initCode, returnToCode);
        exchanged.StatusCode.ShouldBe(HttpStatusCode.OK, await exchanged.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await exchanged.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    /// <summary>A request carrying the app's session token, asking for JSON.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Session-Token", token);
        request.Headers.Accept.ParseAdd("application/json");
        return await Server.Public.SendAsync(request);
    }

    /// <summary>A password sign-in through an API login flow: the session token.</summary>
    public async Task<string> SignInWithPasswordAsync(string email, string password)
    {
        using var created = await Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var response = await Server.Public.PostAsJsonAsync($"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    /// <summary>The session's identity id (whoami with the token).</summary>
    public async Task<string> IdentityIdAsync(string token)
    {
        using var whoami = await SendAsync(HttpMethod.Get, "/sessions/whoami", token);
        whoami.StatusCode.ShouldBe(HttpStatusCode.OK, await whoami.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("identity").GetProperty("id").GetString()!;
    }
}
