// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>RFC 7662 introspection and RFC 7009 revocation (seed row C2), on each database.</summary>
public abstract class IntrospectionTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    public static async Task<(HttpStatusCode Status, JsonObject Body)> IntrospectAsync(TesseraTestServer server, string token, string? scope = null)
    {
        var form = Form(("token", token));
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await server.Admin.PostAsync("/admin/oauth2/introspect", new FormUrlEncodedContent(form));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private async Task<(string Token, (string Id, string Secret) Client)> TokenAsync(string method = "client_secret_basic")
    {
        var client = await CreateServiceClientAsync(Server, method);
        var (status, body) = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client));
        status.ShouldBe(HttpStatusCode.OK);
        return (body["access_token"]!.ToString(), client);
    }

    [Fact]
    public async Task Introspect_EmptyOrMalformedBody_Is400InvalidRequestNamingToken()
    {
        using var empty = await Server.Admin.PostAsync("/admin/oauth2/introspect", null);
        using var json = await Server.Admin.PostAsync("/admin/oauth2/introspect", new StringContent("""{"token":"x"}""", Encoding.UTF8, "application/json"));
        using var missing = await Server.Admin.PostAsync("/admin/oauth2/introspect", new FormUrlEncodedContent(Form(("scope", "read"))));

        foreach (var response in new[] { empty, json, missing })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            body["error"]!.ToString().ShouldBe("invalid_request");
            body["error_hint"]!.ToString().ShouldContain("'token'");
        }
    }

    [Fact]
    public async Task Introspect_ActiveOpaqueToken_DescribesIt()
    {
        var (token, client) = await TokenAsync();

        var (status, body) = await IntrospectAsync(Server, token);

        status.ShouldBe(HttpStatusCode.OK);
        ((bool)body["active"]!).ShouldBeTrue();
        body["client_id"]!.ToString().ShouldBe(client.Id);
        body["sub"]!.ToString().ShouldBe(client.Id);
        body["scope"]!.ToString().ShouldBe("read");
        body["token_use"]!.ToString().ShouldBe("access_token");
        (await IntrospectAsync(Server, token, scope: "write")).Body.ToJsonString().ShouldBe("""{"active":false}""");
    }

    [Fact]
    public async Task Introspect_UnknownOrExpiredToken_IsInactiveAndNothingMore()
    {
        var unknown = await IntrospectAsync(Server, "tsr_at_" + new string('a', 43));
        var (token, _) = await TokenAsync();
        Server.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var expired = await IntrospectAsync(Server, token);

        unknown.Status.ShouldBe(HttpStatusCode.OK);
        unknown.Body.ToJsonString().ShouldBe("""{"active":false}""");
        expired.Body.ToJsonString().ShouldBe("""{"active":false}""");
    }

    [Fact]
    public async Task Revoke_ByTheClient_MakesTheTokenInactiveAtOnce()
    {
        var (token, client) = await TokenAsync();
        (await IntrospectAsync(Server, token)).Body["active"]!.GetValue<bool>().ShouldBeTrue();

        var (status, _) = await SendAsync(Server.Public, RevokeRequest(token, client));

        status.ShouldBe(HttpStatusCode.OK);
        (await IntrospectAsync(Server, token)).Body.ToJsonString().ShouldBe("""{"active":false}""");
    }

    [Fact]
    public async Task Revoke_AnotherClientsToken_Answers200AndLeavesItActive()
    {
        var (token, _) = await TokenAsync();
        var other = await CreateServiceClientAsync(Server);

        var (status, _) = await SendAsync(Server.Public, RevokeRequest(token, other));
        var wrongSecret = await SendAsync(Server.Public, RevokeRequest(token, (other.Id, "nope-nope")));

        status.ShouldBe(HttpStatusCode.OK);
        wrongSecret.Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await IntrospectAsync(Server, token)).Body["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task DeleteTokens_OfAClient_RevokesThemAll()
    {
        var (token, client) = await TokenAsync();

        using var response = await Server.Admin.DeleteAsync($"/admin/oauth2/tokens?client_id={client.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await IntrospectAsync(Server, token)).Body["active"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Revoke_OnAnotherNode_IsVisibleWithinTheCacheBound()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, dsn: Server.Dsn);
        var (token, client) = await TokenAsync();
        (await IntrospectAsync(other, token)).Body["active"]!.GetValue<bool>().ShouldBeTrue();

        await SendAsync(Server.Public, RevokeRequest(token, client));
        other.Clock.Advance(TimeSpan.FromSeconds(1));

        (await IntrospectAsync(other, token)).Body.ToJsonString().ShouldBe("""{"active":false}""");
    }

    [Fact]
    public async Task JwtStrategyClient_GetsAJwtSignedWithAPublishedKey_ThatIntrospects()
    {
        var created = await CreateClientAsync(Server, """{"grant_types": ["client_credentials"], "scope": "read", "access_token_strategy": "jwt"}""");
        var client = (created["client_id"]!.ToString(), created["client_secret"]!.ToString());

        var (status, body) = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client));
        var token = body["access_token"]!.ToString();
        var jwks = new JsonWebKeySet(await Server.Public.GetStringAsync("/.well-known/jwks.json"));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidateAudience = false,
            ValidateIssuer = false,
            ValidateLifetime = false,
        });

        status.ShouldBe(HttpStatusCode.OK);
        validation.IsValid.ShouldBeTrue(validation.Exception?.Message);
        validation.Claims["client_id"].ShouldBe(client.Item1);
        (await IntrospectAsync(Server, token)).Body["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    public static HttpRequestMessage RevokeRequest(string token, (string Id, string Secret) client)
    {
        var request = TokenRequest(Form(("token", token)), client);
        request.RequestUri = new Uri("/oauth2/revoke", UriKind.Relative);
        return request;
    }
}

public sealed class SqliteIntrospectionTests(SqliteServer fixture) : IntrospectionTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresIntrospectionTests(PostgresServer fixture) : IntrospectionTests(fixture), IClassFixture<PostgresServer>;
