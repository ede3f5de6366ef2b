// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>Starts login requests the way the authorization endpoint does, and reads Hydra's answers.</summary>
internal static class FlowRequests
{
    private static readonly string[] Pwd = ["pwd"];

    public static async Task<(AuthorizationFlow Flow, string Challenge)> StartLoginAsync(
        TesseraTestServer server, string? clientId = null, string scope = "openid offline_access", string? subject = null)
    {
        clientId ??= $"client-{Guid.NewGuid():N}";
        var requestUrl = new Uri(server.PublicUrl, $"/oauth2/auth?client_id={clientId}&response_type=code&scope={Uri.EscapeDataString(scope)}&state=st-12345678").AbsoluteUri;
        return await server.Services.GetRequiredService<LoginRequests>().CreateAsync(new NewLoginRequest(
            clientId, requestUrl, scope.Split(' '), [], new OidcContext { LoginHint = "erin@example.com", AcrValues = ["aal1"] },
            Subject: subject, SessionId: subject is null ? null : "sid-" + Guid.NewGuid().ToString("N"), AuthenticatedAt: subject is null ? null : server.Clock.GetUtcNow()));
    }

    /// <summary>A login accepted for <paramref name="subject"/> and its verifier redeemed: the consent challenge.</summary>
    public static async Task<(AuthorizationFlow Flow, string Challenge)> StartConsentAsync(
        TesseraTestServer server, string subject, string? clientId = null, string scope = "openid offline_access")
    {
        var (_, login) = await StartLoginAsync(server, clientId, scope);
        var redirectTo = await AcceptLoginAsync(server, login, subject);
        var verifier = QueryOf(redirectTo)["login_verifier"]!;
        var flow = (await server.Services.GetRequiredService<LoginRequests>().FindByVerifierAsync(verifier))!;
        return (await server.Services.GetRequiredService<ConsentRequests>().StartAsync(flow, skip: false))!.Value;
    }

    public static async Task<string> AcceptLoginAsync(TesseraTestServer server, string challenge, string subject)
    {
        using var response = await server.Admin.PutAsJsonAsync(
            $"/admin/oauth2/auth/requests/login/accept?login_challenge={challenge}", new { subject, remember = false, acr = "aal1", amr = Pwd });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString();
    }

    /// <summary>A new identity with <paramref name="password"/>, signed in by <paramref name="browser"/>'s login flow: its id.</summary>
    public static async Task<Guid> SignInAsync(TesseraTestServer server, BrowserClient browser, string password)
    {
        var email = $"consent-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(server, email, password);
        using var started = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/login/browser", null);
        using var flow = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        using var login = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password, csrf_token = FlowJson.NodeValue(flow.RootElement, "csrf_token") });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return id;
    }

    public static Dictionary<string, string?> QueryOf(string url) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());

    /// <summary>The catalog id of an error answer.</summary>
    public static async Task<string?> ErrorIdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        // Kratos's envelope nests it; Hydra's errorOAuth2 (the admin OAuth2 paths) carries it beside "error".
        return body?["error"] is JsonObject error ? error["id"]?.ToString() : body?["id"]?.ToString() ?? body?["error"]?.ToString();
    }
}
