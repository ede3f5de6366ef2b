// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.OAuth2.TokenHooks;

/// <summary>
/// Issue 20 acceptance 2, row C4, end to end through <c>/oauth2/token</c>: the configured token hook answering 500 ->
/// 500 <c>server_error</c> naming the status; 403 -> 403 <c>access_denied</c>; slower than its timeout ->
/// <c>server_error</c> within it; 200 -> its claims in introspection's <c>ext</c> and in the JWT access token's.
/// Each test tells the hook apart by its client (the receiver scripts per path, so the hook's path carries nothing:
/// the tests of one class run one at a time and script <c>/token</c> before each request).
/// </summary>
public abstract class TokenHookEndpointTests(TokenHookServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    private WebHookReceiver Receiver => fixture.Receiver;

    private async Task<(HttpStatusCode Status, JsonObject Body)> ClientCredentialsAsync((string Id, string Secret) client) =>
        await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client));

    [Fact]
    public async Task TokenHook500_AnswersServerErrorNamingTheStatus()
    {
        var client = await CreateServiceClientAsync(Server);
        Receiver.Script("/token", string.Empty, new Reply(500));

        var (status, body) = await ClientCredentialsAsync(client);

        status.ShouldBe(HttpStatusCode.InternalServerError);
        body["error"]!.ToString().ShouldBe("server_error");
        body["error_description"]!.ToString().ShouldContain("the token hook answered 500", Case.Insensitive);
        body.ContainsKey("access_token").ShouldBeFalse();
    }

    [Fact]
    public async Task TokenHook403_AnswersAccessDenied()
    {
        var client = await CreateServiceClientAsync(Server);
        Receiver.Script("/token", string.Empty, new Reply(403));

        var (status, body) = await ClientCredentialsAsync(client);

        status.ShouldBe(HttpStatusCode.Forbidden);
        body["error"]!.ToString().ShouldBe("access_denied");
    }

    [Fact]
    public async Task TokenHookSlowerThanItsTimeout_AnswersServerErrorWithinIt()
    {
        var client = await CreateServiceClientAsync(Server);
        Receiver.Script("/token", string.Empty, new Reply(200, "{}", Delay: TimeSpan.FromSeconds(10)));
        var watch = Stopwatch.StartNew();

        var (status, body) = await ClientCredentialsAsync(client);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
        status.ShouldBe(HttpStatusCode.InternalServerError);
        body["error"]!.ToString().ShouldBe("server_error");
        body["error_description"]!.ToString().ShouldContain("did not answer within 3s");
    }

    [Fact]
    public async Task TokenHook200_ClaimsAppearInIntrospectionExt()
    {
        var client = await CreateServiceClientAsync(Server);
        Receiver.Script("/token", string.Empty, new Reply(200, """{"session": {"access_token": {"tenant": "acme", "sub": "not-you"}}}"""));

        var (status, body) = await ClientCredentialsAsync(client);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        var (_, introspection) = await SendAsync(Server.Admin, new HttpRequestMessage(HttpMethod.Post, "/admin/oauth2/introspect")
        {
            Content = new FormUrlEncodedContent(Form(("token", body["access_token"]!.ToString()))),
        });

        introspection["active"]!.GetValue<bool>().ShouldBeTrue(introspection.ToJsonString());
        introspection["ext"]!["tenant"]!.ToString().ShouldBe("acme");
        introspection["sub"]!.ToString().ShouldBe(client.Id);
        var sent = JsonNode.Parse(Receiver.ReceivedFor("/token", string.Empty).Last(r => r.Body.Contains(client.Id, StringComparison.Ordinal)).Body)!;
        sent["request"]!["grant_types"]![0]!.ToString().ShouldBe("client_credentials");
        sent["request"]!["granted_scopes"]![0]!.ToString().ShouldBe("read");
    }

    [Fact]
    public async Task TokenHook200_ClaimsAppearInTheJwtAccessToken()
    {
        var body = await CreateClientAsync(Server, new JsonObject
        {
            ["grant_types"] = new JsonArray("client_credentials"),
            ["scope"] = "read",
            ["access_token_strategy"] = "jwt",
        }.ToJsonString());
        var client = (body["client_id"]!.ToString(), body["client_secret"]!.ToString());
        Receiver.Script("/token", string.Empty, new Reply(200, """{"session": {"access_token": {"tenant": "acme"}}}"""));

        var (status, token) = await ClientCredentialsAsync(client);

        status.ShouldBe(HttpStatusCode.OK, token.ToJsonString());
        var jwt = new JsonWebToken(token["access_token"]!.ToString());
        using var ext = JsonDocument.Parse(jwt.GetPayloadValue<JsonElement>("ext").GetRawText());
        ext.RootElement.GetProperty("tenant").GetString().ShouldBe("acme");
    }

    [Fact]
    public async Task TokenHook403_OnTheAuthorizationCodeGrant_AnswersAccessDenied_AndLeavesTheCodeUnused()
    {
        var client = await Authorization.CodeChain.CreateConfidentialClientAsync(Server);
        using var user = await Authorization.CodeChain.SignInAsync(Server);
        var verifier = Authorization.CodeChain.NewVerifier();
        var code = await Authorization.CodeChain.AuthorizeAsync(Server, user.Browser, client.Id, verifier);
        var redeem = Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", Authorization.CodeChain.RedirectUri));
        Receiver.Script("/token", string.Empty, new Reply(403));

        var (status, body) = await SendAsync(Server.Public, TokenRequest(redeem, client));
        Receiver.Script("/token", string.Empty, new Reply(204));
        var (retryStatus, retry) = await SendAsync(Server.Public, TokenRequest(redeem, client));

        status.ShouldBe(HttpStatusCode.Forbidden, body.ToJsonString());
        body["error"]!.ToString().ShouldBe("access_denied");
        body.ContainsKey("access_token").ShouldBeFalse();
        retryStatus.ShouldBe(HttpStatusCode.OK, retry.ToJsonString());
        var hook = JsonNode.Parse(Receiver.ReceivedFor("/token", string.Empty)[^1].Body)!;
        hook["request"]!["grant_types"]![0]!.ToString().ShouldBe("authorization_code", hook.ToJsonString());
        hook["session"]!["id_token"]!["subject"]!.ToString().ShouldBe(user.IdentityId.ToString(), hook.ToJsonString());
    }

    [Fact]
    public async Task RefreshTokenHook200_OnTheRefreshGrant_ClaimsAppearInIntrospectionExt()
    {
        var client = await Authorization.CodeChain.CreateConfidentialClientAsync(Server);
        using var user = await Authorization.CodeChain.SignInAsync(Server);
        var verifier = Authorization.CodeChain.NewVerifier();
        var code = await Authorization.CodeChain.AuthorizeAsync(Server, user.Browser, client.Id, verifier);
        Receiver.Script("/token", string.Empty, new Reply(204));
        var (_, tokens) = await SendAsync(Server.Public, TokenRequest(
            Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", Authorization.CodeChain.RedirectUri)), client));
        Receiver.Script("/refresh", string.Empty, new Reply(200, """{"session": {"access_token": {"tier": "gold", "iss": "forged"}}}"""));

        var (status, refreshed) = await SendAsync(Server.Public,
            TokenRequest(Form(("grant_type", "refresh_token"), ("refresh_token", tokens["refresh_token"]!.ToString())), client));

        status.ShouldBe(HttpStatusCode.OK, refreshed.ToJsonString());
        var (_, introspection) = await IntrospectionTests.IntrospectAsync(Server, refreshed["access_token"]!.ToString());
        introspection["ext"]!["tier"]!.ToString().ShouldBe("gold", introspection.ToJsonString());
        introspection["ext"]!.AsObject().ContainsKey("iss").ShouldBeFalse();
        introspection["sub"]!.ToString().ShouldBe(user.IdentityId.ToString());
        (await IntrospectionTests.IntrospectAsync(Server, tokens["access_token"]!.ToString())).Body["ext"].ShouldBeNull();
    }
}

public sealed class SqliteTokenHookEndpointTests(SqliteTokenHookServer fixture) : TokenHookEndpointTests(fixture), IClassFixture<SqliteTokenHookServer>;

public sealed class PostgresTokenHookEndpointTests(PostgresTokenHookServer fixture) : TokenHookEndpointTests(fixture), IClassFixture<PostgresTokenHookServer>;
