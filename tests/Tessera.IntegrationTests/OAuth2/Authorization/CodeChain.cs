// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>
/// The browser half of the authorization code flow over real HTTP: a confidential client on 127.0.0.1, a user
/// signed in to Tessera with a cookie-keeping browser, <c>/oauth2/auth</c> with PKCE S256, state and nonce, Tessera's
/// consent page answered with Allow, and the code read from the Location header that points at the client.
/// </summary>
internal static partial class CodeChain
{
    public const string RedirectUri = "http://127.0.0.1:9/callback";
    public const string Nonce = "nonce-chain-123";
    public const string Password = "correct horse battery staple 42";

    public sealed record Signed(BrowserClient Browser, Guid IdentityId, string Email) : IDisposable
    {
        public void Dispose() => Browser.Dispose();
    }

    public static async Task<(string Id, string Secret)> CreateConfidentialClientAsync(TesseraTestServer server, string scope = "openid offline_access email")
    {
        var body = await OAuth2Calls.CreateClientAsync(server, $$"""
            {"client_name":"Chain RP","redirect_uris":["{{RedirectUri}}"],"grant_types":["authorization_code","refresh_token"],
             "response_types":["code"],"scope":"{{scope}}","token_endpoint_auth_method":"client_secret_basic"}
            """);
        return (body["client_id"]!.ToString(), body["client_secret"]!.ToString());
    }

    public static string NewVerifier() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new identity signed in through Tessera's login API in a fresh browser.</summary>
    public static async Task<Signed> SignInAsync(TesseraTestServer server)
    {
        var email = $"chain-{Guid.NewGuid():N}@example.com";
        var identityId = await TestIdentities.CreateAsync(server, email, Password);
        var browser = new BrowserClient(server.PublicUrl);
        using var started = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/login/browser", null);
        using var flow = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        using var login = await browser.SendJsonAsync(HttpMethod.Post, $"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password, csrf_token = FlowJson.NodeValue(flow.RootElement, "csrf_token") });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return new Signed(browser, identityId, email);
    }

    /// <summary>/oauth2/auth -> consent (Allow) -> the client's redirect URI; returns the code after checking the state.</summary>
    public static async Task<string> AuthorizeAsync(TesseraTestServer server, BrowserClient browser, string clientId, string verifier, string scope = "openid offline_access")
    {
        var (consentPage, state) = await ToConsentAsync(server, browser, clientId, verifier, scope);
        using var page = await browser.GetAsync(consentPage);
        var csrf = WebUtility.HtmlDecode(CsrfField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        using var allow = await browser.PostFormAsync("/ui/consent",
            [new("csrf_token", csrf), new("consent_challenge", QueryOf(consentPage)["consent_challenge"]!), new("action", "allow")]);
        ((int)allow.StatusCode).ShouldBeInRange(300, 399, await allow.Content.ReadAsStringAsync());
        return await CodeAtClientAsync(server, browser, allow.Headers.Location!.AbsoluteUri, state);
    }

    /// <summary>/oauth2/auth with PKCE S256, state and nonce, followed to Tessera's consent page: its URL and the state.</summary>
    public static async Task<(string ConsentPage, string State)> ToConsentAsync(
        TesseraTestServer server, BrowserClient browser, string clientId, string verifier, string scope = "openid offline_access")
    {
        var state = "state-" + Guid.NewGuid().ToString("N");
        var url = QueryHelpers.AddQueryString("/oauth2/auth", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = scope, ["state"] = state,
            ["nonce"] = Nonce, ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });

        var consentPage = await FollowAsync(server, browser, url);
        consentPage.ShouldContain("/ui/consent?consent_challenge=");
        return (consentPage, state);
    }

    /// <summary>Follows <paramref name="url"/> (a consent answer's redirect) to the client; returns the code after checking the state.</summary>
    public static async Task<string> CodeAtClientAsync(TesseraTestServer server, BrowserClient browser, string url, string state)
    {
        var callback = await FollowAsync(server, browser, url);
        callback.ShouldStartWith(RedirectUri);
        QueryOf(callback).ShouldNotContainKey("error", callback);
        QueryOf(callback)["state"].ShouldBe(state);
        return QueryOf(callback)["code"]!;
    }

    /// <summary>Follows Tessera's redirects until one points at the consent page or the client (never followed).</summary>
    private static async Task<string> FollowAsync(TesseraTestServer server, BrowserClient browser, string url)
    {
        for (var i = 0; i < 10; i++)
        {
            using var response = await browser.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                throw new ShouldAssertException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            url = new Uri(server.PublicUrl, response.Headers.Location!).AbsoluteUri;
            if (url.StartsWith(RedirectUri, StringComparison.Ordinal) || url.Contains("/ui/consent", StringComparison.Ordinal))
            {
                return url;
            }
        }

        throw new ShouldAssertException("Too many redirects");
    }

    [GeneratedRegex("name=\"csrf_token\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
