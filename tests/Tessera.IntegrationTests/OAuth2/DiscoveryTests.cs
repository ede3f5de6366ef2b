// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>OpenID discovery and the signing keys (JWKS, /admin/keys), on each database.</summary>
public abstract class DiscoveryTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Configuration_NamesHydrasEndpointPaths()
    {
        var config = (await Server.Public.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration"))!;

        config["issuer"]!.ToString().TrimEnd('/').ShouldBe(Server.PublicUrl.AbsoluteUri.TrimEnd('/'));
        new Uri(config["token_endpoint"]!.ToString()).AbsolutePath.ShouldBe("/oauth2/token");
        new Uri(config["authorization_endpoint"]!.ToString()).AbsolutePath.ShouldBe("/oauth2/auth");
        new Uri(config["userinfo_endpoint"]!.ToString()).AbsolutePath.ShouldBe("/userinfo");
        new Uri(config["end_session_endpoint"]!.ToString()).AbsolutePath.ShouldBe("/oauth2/sessions/logout");
        new Uri(config["jwks_uri"]!.ToString()).AbsolutePath.ShouldBe("/.well-known/jwks.json");
        new Uri(config["revocation_endpoint"]!.ToString()).AbsolutePath.ShouldBe("/oauth2/revoke");
        config["grant_types_supported"]!.AsArray().Select(g => g!.ToString()).ShouldContain("client_credentials");
    }

    [Fact]
    public async Task Jwks_PublishesAnEs256KeyFromTheDatabase_AndKeysAddedThroughTheAdminApi()
    {
        var before = (await Server.Public.GetFromJsonAsync<JsonObject>("/.well-known/jwks.json"))!["keys"]!.AsArray();
        Server.Clock.Advance(TimeSpan.FromSeconds(1)); // the newest key of a set signs: make "newest" unambiguous
        using var create = await Server.Admin.PostAsync("/admin/keys/hydra.openid.id-token",
            new StringContent("""{"alg": "RS256", "use": "sig", "kid": "rotated-rsa"}""", Encoding.UTF8, "application/json"));
        var created = (await create.Content.ReadFromJsonAsync<JsonObject>())!["keys"]!.AsArray()[0]!;
        var after = (await Server.Public.GetFromJsonAsync<JsonObject>("/.well-known/jwks.json"))!["keys"]!.AsArray();
        var set = (await Server.Admin.GetFromJsonAsync<JsonObject>("/admin/keys/hydra.openid.id-token"))!["keys"]!.AsArray();

        before.ShouldContain(k => k!["kty"]!.ToString() == "EC" && k["alg"]!.ToString() == "ES256" && k["crv"]!.ToString() == "P-256");
        before.ShouldAllBe(k => k!["d"] == null);
        create.StatusCode.ShouldBe(HttpStatusCode.Created);
        created["d"].ShouldNotBeNull();
        after.Select(k => k!["kid"]!.ToString()).ShouldContain("rotated-rsa");
        before.Select(k => k!["kid"]!.ToString()).ShouldBeSubsetOf(after.Select(k => k!["kid"]!.ToString()));
        after.ShouldAllBe(k => k!["d"] == null);
        set[0]!["kid"]!.ToString().ShouldBe("rotated-rsa");
    }

    [Fact]
    public async Task Keys_UnknownSetOrBadAlgorithm_Are404And400()
    {
        using var unknown = await Server.Admin.GetAsync("/admin/keys/no-such-set");
        using var bad = await Server.Admin.PostAsync("/admin/keys/custom", new StringContent("""{"alg": "HS256"}""", Encoding.UTF8, "application/json"));

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Discovery_OnTheAdminListener_IsNotFound()
    {
        using var response = await Server.Admin.GetAsync("/.well-known/openid-configuration");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteDiscoveryTests(SqliteServer fixture) : DiscoveryTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresDiscoveryTests(PostgresServer fixture) : DiscoveryTests(fixture), IClassFixture<PostgresServer>;
