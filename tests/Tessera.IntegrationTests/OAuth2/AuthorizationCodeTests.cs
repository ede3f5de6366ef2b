// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// Authorization code redemption and refresh token rotation (seed rows C1, seed 003's PKCE, redirect URI and code
/// errors), on each database.
/// </summary>
public abstract class AuthorizationCodeTests(CodeFlowServer fixture)
{
    private const string Redirect = "https://app.example.test/cb";
    private TesseraTestServer Server => fixture.Server;

    private async Task<(string Id, string Secret)> CodeClientAsync()
    {
        var body = await CreateClientAsync(Server, $$"""
            {"grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"], "redirect_uris": ["{{Redirect}}"],
             "scope": "openid offline_access read"}
            """);
        return (body["client_id"]!.ToString(), body["client_secret"]!.ToString());
    }

    private async Task<string> AuthorizeAsync(string clientId, string verifier, string scope = "openid offline_access read")
    {
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = QueryHelpers.AddQueryString("/oauth2/auth", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Redirect, ["scope"] = scope,
            ["state"] = "state-12345678", ["nonce"] = "nonce-1", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
            ["login_hint"] = "user-" + Guid.NewGuid().ToString("N"),
        });
        using var response = await Server.Public.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(Redirect);
        return QueryHelpers.ParseQuery(location.Query)["code"].ToString();
    }

    private static HttpRequestMessage Redeem(string code, string verifier, (string Id, string Secret) client, string? redirect = Redirect)
    {
        var form = Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier));
        if (redirect is not null)
        {
            form["redirect_uri"] = redirect;
        }

        return TokenRequest(form, client);
    }

    private static HttpRequestMessage Refresh(string token, (string Id, string Secret) client) =>
        TokenRequest(Form(("grant_type", "refresh_token"), ("refresh_token", token)), client);

    private async Task<JsonObject> PairAsync((string Id, string Secret) client)
    {
        var verifier = Verifier();
        var code = await AuthorizeAsync(client.Id, verifier);
        var (status, body) = await SendAsync(Server.Public, Redeem(code, verifier, client));
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static string Verifier() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Code_WithPkce_IssuesAccessRefreshAndIdTokens()
    {
        var client = await CodeClientAsync();

        var body = await PairAsync(client);

        body["access_token"]!.ToString().ShouldStartWith("tsr_at_");
        body["refresh_token"]!.ToString().ShouldStartWith("tsr_rt_");
        body["id_token"]!.ToString().Split('.').Length.ShouldBe(3);
        body["scope"]!.ToString().ShouldBe("openid offline_access read");
    }

    [Fact]
    public async Task Code_RedeemedConcurrently_ExactlyOneWins_AndReuseRevokesItsTokens()
    {
        var client = await CodeClientAsync();
        var verifier = Verifier();
        var code = await AuthorizeAsync(client.Id, verifier);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(Server.Public, Redeem(code, verifier, client))));

        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        results.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.BadRequest && r.Body["error"]!.ToString() == "invalid_grant");
        var winner = results.Single(r => r.Status == HttpStatusCode.OK).Body;
        (await IntrospectionTests.IntrospectAsync(Server, winner["access_token"]!.ToString())).Body["active"]!.GetValue<bool>().ShouldBeFalse();
        results.First(r => r.Status != HttpStatusCode.OK).Body["error_uri"]!.ToString().ShouldEndWith("oauth2_authorization_code_reused");
    }

    [Fact]
    public async Task Code_WrongVerifierMissingRedirectOrExpired_IsInvalidGrantWithItsCatalogEntry()
    {
        var client = await CodeClientAsync();
        var verifier = Verifier();

        var pkce = await SendAsync(Server.Public, Redeem(await AuthorizeAsync(client.Id, verifier), Verifier(), client));
        var redirect = await SendAsync(Server.Public, Redeem(await AuthorizeAsync(client.Id, verifier), verifier, client, redirect: null));
        var code = await AuthorizeAsync(client.Id, verifier);
        Server.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await SendAsync(Server.Public, Redeem(code, verifier, client));

        pkce.Status.ShouldBe(HttpStatusCode.BadRequest);
        pkce.Body["error"]!.ToString().ShouldBe("invalid_grant");
        pkce.Body["error_uri"]!.ToString().ShouldEndWith("oauth2_pkce_invalid", customMessage: pkce.Body.ToJsonString());
        redirect.Status.ShouldBe(HttpStatusCode.BadRequest);
        redirect.Body["error_uri"]!.ToString().ShouldEndWith("oauth2_redirect_uri_mismatch", customMessage: redirect.Body.ToJsonString());
        expired.Status.ShouldBe(HttpStatusCode.BadRequest);
        expired.Body["error"]!.ToString().ShouldBe("invalid_grant");
        expired.Body["error_uri"]!.ToString().ShouldEndWith("oauth2_authorization_code_invalid", customMessage: expired.Body.ToJsonString());
    }

    [Fact]
    public async Task Refresh_RotatesOnEveryUse_RetryInsideGraceGetsTheIdenticalPair()
    {
        var client = await CodeClientAsync();
        var first = await PairAsync(client);
        var token = first["refresh_token"]!.ToString();

        var rotated = await SendAsync(Server.Public, Refresh(token, client));
        Server.Clock.Advance(TimeSpan.FromSeconds(3));
        var retried = await SendAsync(Server.Public, Refresh(token, client));

        rotated.Status.ShouldBe(HttpStatusCode.OK, rotated.Body.ToJsonString());
        rotated.Body["refresh_token"]!.ToString().ShouldNotBe(token);
        rotated.Body["access_token"]!.ToString().ShouldNotBe(first["access_token"]!.ToString());
        retried.Status.ShouldBe(HttpStatusCode.OK);
        retried.Body.ToJsonString().ShouldBe(rotated.Body.ToJsonString());
        (await IntrospectionTests.IntrospectAsync(Server, first["access_token"]!.ToString())).Body["active"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Refresh_RotatedTokenReusedAfterGrace_IsInvalidGrant_AndRevokesTheChain()
    {
        var client = await CodeClientAsync();
        var first = await PairAsync(client);
        var token = first["refresh_token"]!.ToString();
        var rotated = await SendAsync(Server.Public, Refresh(token, client));
        Server.Clock.Advance(TimeSpan.FromSeconds(6));

        var reused = await SendAsync(Server.Public, Refresh(token, client));
        var successor = await SendAsync(Server.Public, Refresh(rotated.Body["refresh_token"]!.ToString(), client));

        reused.Status.ShouldBe(HttpStatusCode.BadRequest);
        reused.Body["error"]!.ToString().ShouldBe("invalid_grant");
        reused.Body["error_uri"]!.ToString().ShouldEndWith("oauth2_refresh_token_reused");
        successor.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await IntrospectionTests.IntrospectAsync(Server, rotated.Body["access_token"]!.ToString())).Body["active"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Refresh_TwentyConcurrent_GiveExactlyOnePair_AndNo5xx()
    {
        var client = await CodeClientAsync();
        var token = (await PairAsync(client))["refresh_token"]!.ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(Server.Public, Refresh(token, client))));

        results.ShouldAllBe(r => (int)r.Status < 500 || r.Status == HttpStatusCode.ServiceUnavailable);
        results.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Body["refresh_token"]!.ToString()).Distinct().Count().ShouldBe(1);
        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBeGreaterThanOrEqualTo(1);
        results.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Body["error"]!.ToString() == "temporarily_unavailable");
    }
}

public sealed class SqliteAuthorizationCodeTests(SqliteCodeFlowServer fixture) : AuthorizationCodeTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresAuthorizationCodeTests(PostgresCodeFlowServer fixture) : AuthorizationCodeTests(fixture), IClassFixture<PostgresCodeFlowServer>;
