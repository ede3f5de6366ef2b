// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// <c>private_key_jwt</c> client authentication at /oauth2/token over real HTTP: the client's <c>jwks</c> or its
/// <c>jwks_uri</c> (a receiver on 127.0.0.1), iss = sub = client_id, aud = the token endpoint, single-use jti (also
/// under 20 concurrent uses), and the wrong method naming the registered one (seed row C3).
/// </summary>
public abstract class PrivateKeyJwtTests(ServerFixture fixture)
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly JsonWebTokenHandler Jwts = new();

    private TesseraTestServer Server => fixture.Server;

    private string TokenEndpoint => new Uri(Server.PublicUrl, "/oauth2/token").AbsoluteUri;

    [Fact]
    public async Task Assertion_SignedWithTheRegisteredKey_GetsAToken_AndItsJtiIsSingleUse()
    {
        var key = NewKey();
        var clientId = await CreateClientAsync(new JsonObject { ["jwks"] = Jwks(key) });
        var assertion = Assertion(key, clientId, TokenEndpoint, Guid.NewGuid().ToString());

        var (status, body) = await TokenAsync(clientId, assertion);
        var (againStatus, again) = await TokenAsync(clientId, assertion);

        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["access_token"]!.ToString().ShouldNotBeEmpty();
        againStatus.ShouldBe(HttpStatusCode.Unauthorized);
        again["error"]!.ToString().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Assertion_TwentyConcurrentUsesOfOneJti_ExactlyOneGetsAToken()
    {
        var key = NewKey();
        var clientId = await CreateClientAsync(new JsonObject { ["jwks"] = Jwks(key) });
        var assertion = Assertion(key, clientId, TokenEndpoint, Guid.NewGuid().ToString());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => TokenAsync(clientId, assertion)));

        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        results.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Assertion_OtherKeyAudienceOrExpired_IsInvalidClient()
    {
        var key = NewKey();
        var clientId = await CreateClientAsync(new JsonObject { ["jwks"] = Jwks(key) });

        var otherKey = await TokenAsync(clientId, Assertion(NewKey(), clientId, TokenEndpoint, Guid.NewGuid().ToString()));
        var otherAudience = await TokenAsync(clientId, Assertion(key, clientId, "http://127.0.0.1:9/oauth2/token", Guid.NewGuid().ToString()));
        var expired = await TokenAsync(clientId, Assertion(key, clientId, TokenEndpoint, Guid.NewGuid().ToString(), TimeSpan.FromMinutes(-1)));

        foreach (var (status, body) in new[] { otherKey, otherAudience, expired })
        {
            status.ShouldBe(HttpStatusCode.Unauthorized, body.ToJsonString());
            body["error"]!.ToString().ShouldBe("invalid_client");
        }
    }

    [Fact]
    public async Task Assertion_KeysFromTheClientsJwksUri_AreFetchedThroughTheOutboundClient()
    {
        await using var receiver = await WebHookReceiver.StartAsync();
        var key = NewKey();
        receiver.Script("/jwks.json", string.Empty, new Reply(200, Jwks(key).ToJsonString()));
        var clientId = await CreateClientAsync(new JsonObject { ["jwks_uri"] = receiver.UrlFor("/jwks.json") });

        var (status, body) = await TokenAsync(clientId, Assertion(key, clientId, TokenEndpoint, Guid.NewGuid().ToString()));

        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        receiver.ReceivedFor("/jwks.json", string.Empty).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task WrongMethod_EitherWay_NamesTheRegisteredMethod()
    {
        var key = NewKey();
        var jwtClient = await CreateClientAsync(new JsonObject { ["jwks"] = Jwks(key) });
        var secretClient = await CreateServiceClientAsync(Server);

        var (basicStatus, basic) = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), (jwtClient, "not-a-secret")));
        var (assertionStatus, assertion) = await TokenAsync(secretClient.Id, Assertion(key, secretClient.Id, TokenEndpoint, Guid.NewGuid().ToString()));

        basicStatus.ShouldBe(HttpStatusCode.Unauthorized);
        basic["error_description"]!.ToString().ShouldContain("'private_key_jwt'");
        assertionStatus.ShouldBe(HttpStatusCode.Unauthorized);
        assertion["error_description"]!.ToString().ShouldContain("'client_secret_basic'");
        assertion["error_uri"]!.ToString().ShouldEndWith("oauth2_client_auth_method_mismatch");
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(string clientId, string assertion) =>
        await SendAsync(Server.Public, TokenRequest(Form(
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_assertion_type", JwtBearer), ("client_assertion", assertion))));

    private async Task<string> CreateClientAsync(JsonObject keys)
    {
        var document = new JsonObject
        {
            ["client_name"] = "jwt client",
            ["grant_types"] = new JsonArray("client_credentials"),
            ["token_endpoint_auth_method"] = "private_key_jwt",
            ["scope"] = "read",
        };
        foreach (var (name, value) in keys)
        {
            document[name] = value?.DeepClone();
        }

        return (await OAuth2Calls.CreateClientAsync(Server, document.ToJsonString()))["client_id"]!.ToString();
    }

    private static ECDsaSecurityKey NewKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString() };

    private static JsonObject Jwks(ECDsaSecurityKey key)
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(key.ECDsa.ExportParameters(false))) { KeyId = key.KeyId });
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = jwk.Kty, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y, ["kid"] = jwk.Kid, ["alg"] = "ES256", ["use"] = "sig",
            }),
        };
    }

    private string Assertion(ECDsaSecurityKey key, string clientId, string audience, string jti, TimeSpan? lifetime = null)
    {
        var now = Server.Clock.GetUtcNow();
        return Jwts.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = jti },
            IssuedAt = now.UtcDateTime.AddMinutes(-2),
            NotBefore = now.UtcDateTime.AddMinutes(-2),
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(5))).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}

public sealed class SqlitePrivateKeyJwtTests(SqliteServer fixture) : PrivateKeyJwtTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresPrivateKeyJwtTests(PostgresServer fixture) : PrivateKeyJwtTests(fixture), IClassFixture<PostgresServer>;
