// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>
/// OpenID Connect RP-initiated logout at /oauth2/sessions/logout over real HTTP with a real Tessera session: the hint,
/// the registered post-logout redirect with state, refusals with their catalog ids, and the operator's logout app
/// (urls.logout) through Hydra's logout request API.
/// </summary>
public abstract class RpLogoutTests(ServerFixture fixture)
{
    private const string AfterLogout = "http://127.0.0.1:9/after-logout";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Logout_WithIdTokenHint_EndsTheTesseraSession_AndLandsOnTheRegisteredUriWithState()
    {
        var (client, user, idToken) = await SignedInWithIdTokenAsync(Server);
        var cookies = user.Browser.Cookies.GetCookieHeader(Server.PublicUrl);
        (await WhoAmIAsync(Server, cookies)).ShouldBe(HttpStatusCode.OK);

        using var logout = await user.Browser.GetAsync(LogoutUrl(idToken, AfterLogout, "st-1"));

        ((int)logout.StatusCode).ShouldBeInRange(300, 399, await logout.Content.ReadAsStringAsync());
        logout.Headers.Location!.AbsoluteUri.ShouldBe(AfterLogout + "?state=st-1");
        (await WhoAmIAsync(Server, cookies)).ShouldBe(HttpStatusCode.Unauthorized);
        new JsonWebToken(idToken).GetClaim("aud").Value.ShouldBe(client.Id);
    }

    [Fact]
    public async Task Logout_UnregisteredRedirect_IsRefusedWithItsCatalogId_AndTheSessionStays()
    {
        var (_, user, idToken) = await SignedInWithIdTokenAsync(Server);
        var cookies = user.Browser.Cookies.GetCookieHeader(Server.PublicUrl);

        using var logout = await user.Browser.GetAsync(LogoutUrl(idToken, "http://127.0.0.1:9/elsewhere", "st-2"));

        ErrorId(logout).ShouldBe("oauth2_logout_redirect_uri_unregistered");
        (logout.Headers.Location?.OriginalString ?? string.Empty).ShouldNotStartWith("http://127.0.0.1:9/");
        (await WhoAmIAsync(Server, cookies)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_ForgedOrMissingHint_IsRefused_AndTheSessionStays()
    {
        var (_, user, idToken) = await SignedInWithIdTokenAsync(Server);
        var cookies = user.Browser.Cookies.GetCookieHeader(Server.PublicUrl);
        var parts = idToken.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{WebEncoders.Base64UrlEncode(new byte[64])}";

        using var withForged = await user.Browser.GetAsync(LogoutUrl(forged, AfterLogout, "st-3"));
        using var redirectWithoutHint = await user.Browser.GetAsync($"/oauth2/sessions/logout?post_logout_redirect_uri={Uri.EscapeDataString(AfterLogout)}");
        using var withoutHint = await user.Browser.GetAsync("/oauth2/sessions/logout");

        ErrorId(withForged).ShouldBe("oauth2_logout_id_token_hint_invalid");
        ErrorId(redirectWithoutHint).ShouldBe("oauth2_logout_id_token_hint_required");
        ErrorId(withoutHint).ShouldBe("oauth2_logout_id_token_hint_required");
        (await WhoAmIAsync(Server, cookies)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithTheOperatorsLogoutApp_EndsTheSessionOnlyAfterAccept()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string> { ["urls.logout"] = "http://127.0.0.1:9/logout-app" });
        var (_, user, idToken) = await SignedInWithIdTokenAsync(server);
        var cookies = user.Browser.Cookies.GetCookieHeader(server.PublicUrl);

        using var logout = await user.Browser.GetAsync(LogoutUrl(idToken, AfterLogout, "st-4"));
        var app = logout.Headers.Location!.AbsoluteUri;
        app.ShouldStartWith("http://127.0.0.1:9/logout-app?logout_challenge=");
        (await WhoAmIAsync(server, cookies)).ShouldBe(HttpStatusCode.OK);
        using var accept = await server.Admin.PutAsync($"/admin/oauth2/auth/requests/logout/accept?logout_challenge={QueryOf(app)["logout_challenge"]}", null);
        var redirectTo = (await accept.Content.ReadFromJsonAsync<JsonObject>())!["redirect_to"]!.ToString();
        using var back = await user.Browser.GetAsync(redirectTo);
        using var replay = await user.Browser.GetAsync(redirectTo);

        back.Headers.Location!.AbsoluteUri.ShouldBe(AfterLogout + "?state=st-4");
        (await WhoAmIAsync(server, cookies)).ShouldBe(HttpStatusCode.Unauthorized);
        ErrorId(replay).ShouldBe("oauth2_logout_verifier_invalid");
    }

    [Fact]
    public async Task Logout_WithoutARedirectUri_LandsOnUrlsPostLogoutRedirect()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string> { ["urls.post_logout_redirect"] = "http://127.0.0.1:9/logged-out" });
        var (_, user, idToken) = await SignedInWithIdTokenAsync(server);
        var cookies = user.Browser.Cookies.GetCookieHeader(server.PublicUrl);

        using var logout = await user.Browser.GetAsync(QueryHelpers.AddQueryString("/oauth2/sessions/logout", "id_token_hint", idToken));

        ((int)logout.StatusCode).ShouldBeInRange(300, 399, await logout.Content.ReadAsStringAsync());
        logout.Headers.Location!.AbsoluteUri.ShouldBe("http://127.0.0.1:9/logged-out");
        (await WhoAmIAsync(server, cookies)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string LogoutUrl(string idToken, string redirect, string state) =>
        QueryHelpers.AddQueryString("/oauth2/sessions/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken, ["post_logout_redirect_uri"] = redirect, ["state"] = state,
        });

    private static string? ErrorId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Ory-Error-Id", out var ids) ? ids.First() : $"no Ory-Error-Id ({(int)response.StatusCode})";

    private static async Task<HttpStatusCode> WhoAmIAsync(TesseraTestServer server, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("Cookie", cookies);
        using var response = await server.Public.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<((string Id, string Secret) Client, CodeChain.Signed User, string IdToken)> SignedInWithIdTokenAsync(TesseraTestServer server)
    {
        var body = await CreateClientAsync(server, $$"""
            {"client_name":"Logout RP","redirect_uris":["{{CodeChain.RedirectUri}}"],"post_logout_redirect_uris":["{{AfterLogout}}"],
             "grant_types":["authorization_code"],"response_types":["code"],"scope":"openid","token_endpoint_auth_method":"client_secret_basic"}
            """);
        var client = (body["client_id"]!.ToString(), body["client_secret"]!.ToString());
        var user = await CodeChain.SignInAsync(server);
        var verifier = CodeChain.NewVerifier();
        var code = await CodeChain.AuthorizeAsync(server, user.Browser, client.Item1, verifier, "openid");
        var (status, tokens) = await SendAsync(server.Public, TokenRequest(
            Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", CodeChain.RedirectUri)), client));
        status.ShouldBe(HttpStatusCode.OK, tokens.ToJsonString());
        return (client, user, tokens["id_token"]!.ToString());
    }
}

public sealed class SqliteRpLogoutTests(SqliteServer fixture) : RpLogoutTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresRpLogoutTests(PostgresServer fixture) : RpLogoutTests(fixture), IClassFixture<PostgresServer>;
