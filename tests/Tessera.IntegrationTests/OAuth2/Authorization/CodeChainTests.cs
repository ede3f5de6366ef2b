// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2.Authorization;

/// <summary>
/// The whole authorization code chain over real HTTP with a real Tessera session: /oauth2/auth (PKCE S256, state,
/// nonce) -> Tessera's login -> consent page (Allow) -> code at the client's redirect URI -> /oauth2/token -> ID token
/// checked against /.well-known/jwks.json -> introspection -> refresh -> the same code again is invalid_grant.
/// </summary>
public abstract class CodeChainTests(ServerFixture fixture)
{
    private static readonly string[] GrantScope = ["openid", "offline_access"];

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Chain_AuthorizeSignInConsentRedeemIntrospectRefresh_AndTheCodeIsSingleUse()
    {
        var client = await CodeChain.CreateConfidentialClientAsync(Server);
        using var user = await CodeChain.SignInAsync(Server);
        var verifier = CodeChain.NewVerifier();
        var code = await CodeChain.AuthorizeAsync(Server, user.Browser, client.Id, verifier);

        var redeem = Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", CodeChain.RedirectUri));
        var (status, tokens) = await SendAsync(Server.Public, TokenRequest(redeem, client));
        status.ShouldBe(HttpStatusCode.OK, tokens.ToJsonString());

        var jwks = new JsonWebKeySet(await Server.Public.GetStringAsync("/.well-known/jwks.json"));
        var idToken = await new JsonWebTokenHandler().ValidateTokenAsync(tokens["id_token"]!.ToString(), new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAudience = client.Id,
            ValidateIssuer = false,
            ValidateLifetime = false,
        });
        idToken.IsValid.ShouldBeTrue(idToken.Exception?.Message);
        idToken.Claims["sub"].ShouldBe(user.IdentityId.ToString());
        idToken.Claims["nonce"].ShouldBe(CodeChain.Nonce);

        var (_, introspection) = await IntrospectionTests.IntrospectAsync(Server, tokens["access_token"]!.ToString());
        introspection["active"]!.GetValue<bool>().ShouldBeTrue(introspection.ToJsonString());
        introspection["sub"]!.ToString().ShouldBe(user.IdentityId.ToString());
        introspection["client_id"]!.ToString().ShouldBe(client.Id);
        introspection["scope"]!.ToString().ShouldBe("openid offline_access");

        var (refreshStatus, refreshed) = await SendAsync(Server.Public,
            TokenRequest(Form(("grant_type", "refresh_token"), ("refresh_token", tokens["refresh_token"]!.ToString())), client));
        refreshStatus.ShouldBe(HttpStatusCode.OK, refreshed.ToJsonString());
        refreshed["refresh_token"]!.ToString().ShouldNotBe(tokens["refresh_token"]!.ToString());
        (await IntrospectionTests.IntrospectAsync(Server, refreshed["access_token"]!.ToString())).Body["sub"]!.ToString().ShouldBe(user.IdentityId.ToString());

        var (againStatus, again) = await SendAsync(Server.Public, TokenRequest(redeem, client));
        againStatus.ShouldBe(HttpStatusCode.BadRequest);
        again["error"]!.ToString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Chain_ConsentAcceptedWithSessionClaims_ClaimsReachTheIdTokenAndIntrospection_ServerClaimsDoNot()
    {
        var client = await CodeChain.CreateConfidentialClientAsync(Server);
        using var user = await CodeChain.SignInAsync(Server);
        var verifier = CodeChain.NewVerifier();
        var (consentPage, state) = await CodeChain.ToConsentAsync(Server, user.Browser, client.Id, verifier);
        var challenge = FlowRequests.QueryOf(consentPage)["consent_challenge"];
        using var accept = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/accept?consent_challenge={challenge}", new
        {
            grant_scope = GrantScope,
            session = new { access_token = new { tenant = "acme", sub = "not-you" }, id_token = new { nickname = "erin", nonce = "forged" } },
        });
        var accepted = (await accept.Content.ReadFromJsonAsync<JsonObject>())!;
        accept.StatusCode.ShouldBe(HttpStatusCode.OK, accepted.ToJsonString());
        var code = await CodeChain.CodeAtClientAsync(Server, user.Browser, accepted["redirect_to"]!.ToString(), state);

        var (status, tokens) = await SendAsync(Server.Public, TokenRequest(
            Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", CodeChain.RedirectUri)), client));
        status.ShouldBe(HttpStatusCode.OK, tokens.ToJsonString());
        var idToken = new JsonWebToken(tokens["id_token"]!.ToString());
        var (_, introspection) = await IntrospectionTests.IntrospectAsync(Server, tokens["access_token"]!.ToString());

        idToken.GetClaim("nickname").Value.ShouldBe("erin");
        idToken.GetClaim("nonce").Value.ShouldBe(CodeChain.Nonce);
        introspection["ext"]!["tenant"]!.ToString().ShouldBe("acme", introspection.ToJsonString());
        introspection["ext"]!.AsObject().ContainsKey("sub").ShouldBeFalse();
        introspection["sub"]!.ToString().ShouldBe(user.IdentityId.ToString());
    }

    [Fact]
    public async Task Refresh_KeepsTheConsentsIdTokenClaimsAndSid_InTheRefreshedIdToken()
    {
        var client = await CodeChain.CreateConfidentialClientAsync(Server);
        using var user = await CodeChain.SignInAsync(Server);
        var verifier = CodeChain.NewVerifier();
        var (consentPage, state) = await CodeChain.ToConsentAsync(Server, user.Browser, client.Id, verifier);
        var challenge = FlowRequests.QueryOf(consentPage)["consent_challenge"];
        using var accept = await Server.Admin.PutAsJsonAsync($"/admin/oauth2/auth/requests/consent/accept?consent_challenge={challenge}", new
        {
            grant_scope = GrantScope,
            session = new { id_token = new { nickname = "erin" } },
        });
        var accepted = (await accept.Content.ReadFromJsonAsync<JsonObject>())!;
        var code = await CodeChain.CodeAtClientAsync(Server, user.Browser, accepted["redirect_to"]!.ToString(), state);
        var (_, tokens) = await SendAsync(Server.Public, TokenRequest(
            Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", CodeChain.RedirectUri)), client));

        var (status, refreshed) = await SendAsync(Server.Public,
            TokenRequest(Form(("grant_type", "refresh_token"), ("refresh_token", tokens["refresh_token"]!.ToString())), client));
        var (againStatus, twice) = await SendAsync(Server.Public,
            TokenRequest(Form(("grant_type", "refresh_token"), ("refresh_token", refreshed["refresh_token"]!.ToString())), client));

        status.ShouldBe(HttpStatusCode.OK, refreshed.ToJsonString());
        againStatus.ShouldBe(HttpStatusCode.OK, twice.ToJsonString());
        var original = new JsonWebToken(tokens["id_token"]!.ToString());
        foreach (var idToken in new[] { new JsonWebToken(refreshed["id_token"]!.ToString()), new JsonWebToken(twice["id_token"]!.ToString()) })
        {
            idToken.GetClaim("nickname").Value.ShouldBe("erin");
            idToken.GetClaim("sid").Value.ShouldBe(original.GetClaim("sid").Value);
            idToken.Subject.ShouldBe(user.IdentityId.ToString());
        }
    }

    [Fact]
    public async Task UserInfo_ClaimsFollowTheTokensScopes_AndABadTokenIsInvalidToken()
    {
        var client = await CodeChain.CreateConfidentialClientAsync(Server);
        using var user = await CodeChain.SignInAsync(Server);
        var withEmail = await AccessTokenAsync(client, user, "openid email");
        var withoutEmail = await AccessTokenAsync(client, user, "openid");

        var (emailStatus, emailClaims) = await UserInfoAsync(HttpMethod.Get, withEmail);
        var (plainStatus, plainClaims) = await UserInfoAsync(HttpMethod.Post, withoutEmail);
        using var missing = await Server.Public.GetAsync("/userinfo");
        var (unknownStatus, unknown) = await UserInfoAsync(HttpMethod.Get, "tsr_at_not-a-token");

        emailStatus.ShouldBe(HttpStatusCode.OK, emailClaims.ToJsonString());
        emailClaims["sub"]!.ToString().ShouldBe(user.IdentityId.ToString());
        emailClaims["email"]!.ToString().ShouldBe(user.Email);
        emailClaims["email_verified"]!.GetValue<bool>().ShouldBeFalse();
        plainStatus.ShouldBe(HttpStatusCode.OK, plainClaims.ToJsonString());
        plainClaims["sub"]!.ToString().ShouldBe(user.IdentityId.ToString());
        plainClaims.ContainsKey("email").ShouldBeFalse();
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        unknownStatus.ShouldBe(HttpStatusCode.Unauthorized);
        unknown["error"]!.ToString().ShouldBe("invalid_token");
        unknown["error_uri"]!.ToString().ShouldEndWith("oauth2_invalid_token");
    }

    private async Task<string> AccessTokenAsync((string Id, string Secret) client, CodeChain.Signed user, string scope)
    {
        var verifier = CodeChain.NewVerifier();
        var code = await CodeChain.AuthorizeAsync(Server, user.Browser, client.Id, verifier, scope);
        var (status, tokens) = await SendAsync(Server.Public, TokenRequest(
            Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", CodeChain.RedirectUri)), client));
        status.ShouldBe(HttpStatusCode.OK, tokens.ToJsonString());
        return tokens["access_token"]!.ToString();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> UserInfoAsync(HttpMethod method, string token)
    {
        var request = new HttpRequestMessage(method, "/userinfo");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(Server.Public, request);
    }
}

public sealed class SqliteCodeChainTests(SqliteServer fixture) : CodeChainTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresCodeChainTests(PostgresServer fixture) : CodeChainTests(fixture), IClassFixture<PostgresServer>;
