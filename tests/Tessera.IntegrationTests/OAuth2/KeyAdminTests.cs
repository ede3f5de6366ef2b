// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// Hydra's full key-set API (/admin/keys/{set}[/{kid}]: GET, POST, PUT, DELETE), and rotation taking effect live: on
/// another node within the key ring's 30 s bound, for ID tokens and for the authorization codes OpenIddict signs,
/// while a code minted before the rotation still redeems. On each database.
/// </summary>
public abstract class KeyAdminTests(CodeFlowServer fixture)
{
    private const string Redirect = "https://app.example.test/cb";
    private const string IdTokenSet = "hydra.openid.id-token";
    private TesseraTestServer Server => fixture.Server;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static JsonObject EcJwk(string kid, bool withPrivatePart = true)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(true);
        var jwk = new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["alg"] = "ES256", ["use"] = "sig", ["kid"] = kid,
            ["x"] = Base64Url.EncodeToString(p.Q.X), ["y"] = Base64Url.EncodeToString(p.Q.Y),
        };
        if (withPrivatePart)
        {
            jwk["d"] = Base64Url.EncodeToString(p.D);
        }

        return jwk;
    }

    private static JsonObject RsaJwk(string kid)
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(true);
        return new JsonObject
        {
            ["kty"] = "RSA", ["alg"] = "RS256", ["use"] = "sig", ["kid"] = kid,
            ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent), ["d"] = Base64Url.EncodeToString(p.D),
            ["p"] = Base64Url.EncodeToString(p.P), ["q"] = Base64Url.EncodeToString(p.Q), ["dp"] = Base64Url.EncodeToString(p.DP),
            ["dq"] = Base64Url.EncodeToString(p.DQ), ["qi"] = Base64Url.EncodeToString(p.InverseQ),
        };
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : (JsonObject)JsonNode.Parse(text)!);
    }

    private static async Task<List<string>> KidsAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonObject>(path))!["keys"]!.AsArray().Select(k => k!["kid"]!.ToString()).ToList();

    [Fact]
    public async Task KeySet_CreateGetReplaceImportAndDelete_AsHydraAnswers()
    {
        var set = "custom-" + Guid.NewGuid().ToString("N");
        var replacement = EcJwk("k1");

        var created = await ReadAsync(Server.Admin.PostAsync($"/admin/keys/{set}", Json("""{"alg": "ES256", "use": "sig", "kid": "k1"}""")));
        var got = await ReadAsync(Server.Admin.GetAsync($"/admin/keys/{set}/k1"));
        var replaced = await ReadAsync(Server.Admin.PutAsync($"/admin/keys/{set}/k1", Json(replacement.ToJsonString())));
        var afterReplace = await ReadAsync(Server.Admin.GetAsync($"/admin/keys/{set}/k1"));
        var imported = await ReadAsync(Server.Admin.PutAsync($"/admin/keys/{set}", Json(new JsonObject { ["keys"] = new JsonArray(RsaJwk("k2"), EcJwk("k3")) }.ToJsonString())));
        var kidsAfterImport = await KidsAsync(Server.Admin, $"/admin/keys/{set}");
        var publicOnly = await ReadAsync(Server.Admin.PutAsync($"/admin/keys/{set}/k4", Json(EcJwk("k4", withPrivatePart: false).ToJsonString())));
        var otherKid = await ReadAsync(Server.Admin.PutAsync($"/admin/keys/{set}/k5", Json(EcJwk("k6").ToJsonString())));
        var deletedKey = await ReadAsync(Server.Admin.DeleteAsync($"/admin/keys/{set}/k2"));
        var goneKey = await ReadAsync(Server.Admin.GetAsync($"/admin/keys/{set}/k2"));
        var deletedSet = await ReadAsync(Server.Admin.DeleteAsync($"/admin/keys/{set}"));
        var goneSet = await ReadAsync(Server.Admin.GetAsync($"/admin/keys/{set}"));
        var deletedAgain = await ReadAsync(Server.Admin.DeleteAsync($"/admin/keys/{set}"));

        created.Status.ShouldBe(HttpStatusCode.Created);
        got.Status.ShouldBe(HttpStatusCode.OK);
        got.Body["keys"]![0]!["kid"]!.ToString().ShouldBe("k1");
        got.Body["keys"]![0]!["d"].ShouldBeNull();
        replaced.Status.ShouldBe(HttpStatusCode.OK, replaced.Body.ToJsonString());
        replaced.Body["d"].ShouldBeNull();
        afterReplace.Body["keys"]![0]!["x"]!.ToString().ShouldBe(replacement["x"]!.ToString());
        imported.Status.ShouldBe(HttpStatusCode.OK, imported.Body.ToJsonString());
        kidsAfterImport.ShouldBe(["k2", "k3"]); // k1 retired; the first key sent is the newest (it signs)
        publicOnly.Status.ShouldBe(HttpStatusCode.BadRequest);
        publicOnly.Body["error"]!.ToString().ShouldBe("invalid_request");
        otherKid.Status.ShouldBe(HttpStatusCode.BadRequest);
        deletedKey.Status.ShouldBe(HttpStatusCode.NoContent);
        goneKey.Status.ShouldBe(HttpStatusCode.NotFound);
        goneKey.Body["error"]!.ToString().ShouldBe("not_found");
        goneKey.Body["error_uri"]!.ToString().ShouldContain("oauth2_key_not_found");
        deletedSet.Status.ShouldBe(HttpStatusCode.NoContent);
        goneSet.Status.ShouldBe(HttpStatusCode.NotFound);
        deletedAgain.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SigningKeyRotatedOnOneNode_SignsEverywhereWithinTheBound_AndCodesMintedBeforeStillRedeem()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, dsn: Server.Dsn, services: CodeFlowServer.SignInAtOnce);
        var client = await CreateClientAsync(Server, $$"""
            {"grant_types": ["authorization_code"], "response_types": ["code"], "redirect_uris": ["{{Redirect}}"], "scope": "openid"}
            """);
        var credentials = (client["client_id"]!.ToString(), client["client_secret"]!.ToString());
        var before = await KidsAsync(Server.Admin, $"/admin/keys/{IdTokenSet}");
        var (earlyCode, earlyVerifier) = await AuthorizeAsync(other, credentials.Item1);

        // Rotation on this node: a new key, then every old one deleted.
        Server.Clock.Advance(TimeSpan.FromSeconds(1));
        var created = await ReadAsync(Server.Admin.PostAsync($"/admin/keys/{IdTokenSet}", Json("""{"alg": "ES256", "use": "sig", "kid": "rotated-es256"}""")));
        foreach (var kid in before)
        {
            (await ReadAsync(Server.Admin.DeleteAsync($"/admin/keys/{IdTokenSet}/{Uri.EscapeDataString(kid)}"))).Status.ShouldBe(HttpStatusCode.NoContent);
        }

        var jwksHere = await KidsAsync(Server.Public, "/.well-known/jwks.json");
        other.Clock.Advance(TimeSpan.FromSeconds(31)); // past the other node's 30 s key-ring bound
        var jwksThere = await KidsAsync(other.Public, "/.well-known/jwks.json");
        var early = await SendAsync(other.Public, Redeem(earlyCode, earlyVerifier, credentials));

        // Once no code the old key signed can still be alive, only the new key opens codes: a code minted now must be signed with it.
        other.Clock.Advance(TimeSpan.FromMinutes(11));
        var (lateCode, lateVerifier) = await AuthorizeAsync(other, credentials.Item1);
        var late = await SendAsync(other.Public, Redeem(lateCode, lateVerifier, credentials));

        created.Status.ShouldBe(HttpStatusCode.Created);
        jwksHere.ShouldContain("rotated-es256");
        jwksHere.ShouldNotContain(k => before.Contains(k));
        jwksThere.ShouldContain("rotated-es256");
        jwksThere.ShouldNotContain(k => before.Contains(k));
        early.Status.ShouldBe(HttpStatusCode.OK, early.Body.ToJsonString());
        new JsonWebToken(early.Body["id_token"]!.ToString()).Kid.ShouldBe("rotated-es256");
        late.Status.ShouldBe(HttpStatusCode.OK, late.Body.ToJsonString());
        new JsonWebToken(late.Body["id_token"]!.ToString()).Kid.ShouldBe("rotated-es256");
    }

    private static async Task<(string Code, string Verifier)> AuthorizeAsync(TesseraTestServer server, string clientId)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var query = QueryHelpers.AddQueryString("/oauth2/auth", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Redirect, ["scope"] = "openid",
            ["state"] = "state-12345678", ["nonce"] = "nonce-1", ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256", ["login_hint"] = "user-" + Guid.NewGuid().ToString("N"),
        });
        using var response = await server.Public.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString(), verifier);
    }

    private static HttpRequestMessage Redeem(string code, string verifier, (string Id, string Secret) client) =>
        TokenRequest(Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", Redirect)), client);
}

public sealed class SqliteKeyAdminTests(SqliteCodeFlowServer fixture) : KeyAdminTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresKeyAdminTests(PostgresCodeFlowServer fixture) : KeyAdminTests(fixture), IClassFixture<PostgresCodeFlowServer>;
