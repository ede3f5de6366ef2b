// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.OAuth2.Tokens;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2.AccountEvents;

/// <summary>
/// Issue 20: a password change, disabling the identity, or revoking its sessions revokes the OAuth2 tokens issued for
/// it (<c>oauth2.revoke_tokens_on.*</c>), seen through introspection. The tokens are stored as the token endpoint
/// stores them (the grants that issue tokens for identities arrive with the authorization code grant).
/// </summary>
public abstract class AccountEventRevocationTests(ServerFixture fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    private async Task<(Guid Id, JsonObject Traits)> CreateIdentityAsync()
    {
        var traits = new JsonObject { ["email"] = $"events-{Guid.NewGuid():N}@example.com" };
        using var response = await Server.Admin.PostAsync("/admin/identities", Json(new JsonObject
        {
            ["schema_id"] = "default",
            ["traits"] = traits.DeepClone(),
            ["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = Password } } },
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString()), traits);
    }

    /// <summary>An access token and a refresh token of one grant for the identity, stored as the token endpoint does.</summary>
    private async Task<(string Access, string Refresh)> IssueTokensAsync(Guid identityId)
    {
        var opaque = Server.Services.GetRequiredService<OpaqueTokens>();
        var now = Server.Clock.GetUtcNow();
        var (access, refresh) = (OpaqueTokens.New(OpaqueTokens.AccessPrefix), OpaqueTokens.New(OpaqueTokens.RefreshPrefix));
        var request = Guid.NewGuid().ToString();
        StoredToken Row(string value, string kind) =>
            new(opaque.Signature(value), kind, request, "account-app", identityId.ToString(), "openid offline", string.Empty, null, now, now.AddHours(1));
        await Server.Services.GetRequiredService<TokenStore>().InsertAsync([Row(access, TokenKinds.AccessToken), Row(refresh, TokenKinds.RefreshToken)]);
        return (access, refresh);
    }

    private async Task<bool> ActiveAsync(string token)
    {
        var (status, body) = await SendAsync(Server.Admin, new HttpRequestMessage(HttpMethod.Post, "/admin/oauth2/introspect")
        {
            Content = new FormUrlEncodedContent(Form(("token", token))),
        });
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body["active"]!.GetValue<bool>();
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task PasswordChangedByTheAdminApi_RevokesTheIdentitysTokens()
    {
        var (id, traits) = await CreateIdentityAsync();
        var (access, refresh) = await IssueTokensAsync(id);
        (await ActiveAsync(access)).ShouldBeTrue();

        using var response = await Server.Admin.PutAsync($"/admin/identities/{id}", Json(new JsonObject
        {
            ["schema_id"] = "default",
            ["state"] = "active",
            ["traits"] = traits,
            ["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = Password + " changed" } } },
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await ActiveAsync(access)).ShouldBeFalse();
        (await ActiveAsync(refresh)).ShouldBeFalse();
    }

    [Fact]
    public async Task IdentityDisabled_RevokesTheIdentitysTokens_AnotherIdentitysStayActive()
    {
        var (id, _) = await CreateIdentityAsync();
        var (other, _) = await CreateIdentityAsync();
        var (access, _) = await IssueTokensAsync(id);
        var (otherAccess, _) = await IssueTokensAsync(other);

        using var response = await Server.Admin.PatchAsync($"/admin/identities/{id}", Json(JsonNode.Parse("""[{"op": "replace", "path": "/state", "value": "inactive"}]""")!));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await ActiveAsync(access)).ShouldBeFalse();
        (await ActiveAsync(otherAccess)).ShouldBeTrue();
    }

    [Fact]
    public async Task SessionsRevokedByTheAdmin_RevokesTheIdentitysTokens()
    {
        var (id, _) = await CreateIdentityAsync();
        var (access, _) = await IssueTokensAsync(id);

        using var response = await Server.Admin.DeleteAsync($"/admin/identities/{id}/sessions");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(access)).ShouldBeFalse();
    }

    [Fact]
    public async Task MetadataChange_KeepsTheTokens()
    {
        var (id, _) = await CreateIdentityAsync();
        var (access, _) = await IssueTokensAsync(id);

        using var response = await Server.Admin.PatchAsync($"/admin/identities/{id}", Json(JsonNode.Parse("""[{"op": "add", "path": "/metadata_public", "value": {"plan": "gold"}}]""")!));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await ActiveAsync(access)).ShouldBeTrue();
    }
}

public sealed class SqliteAccountEventRevocationTests(SqliteServer fixture) : AccountEventRevocationTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresAccountEventRevocationTests(PostgresServer fixture) : AccountEventRevocationTests(fixture), IClassFixture<PostgresServer>;

/// <summary><c>oauth2.revoke_tokens_on.*: false</c> leaves the tokens alone.</summary>
public sealed class AccountEventRevocationOffTests(AccountEventRevocationOffTests.Server fixture) : IClassFixture<AccountEventRevocationOffTests.Server>
{
    [Fact]
    public async Task PasswordChangeAndSessionRevocation_WithRevocationOff_KeepTheTokens()
    {
        var server = fixture.Server;
        var identity = new JsonObject { ["schema_id"] = "default", ["traits"] = new JsonObject { ["email"] = $"off-{Guid.NewGuid():N}@example.com" } };
        using var created = await server.Admin.PostAsync("/admin/identities", new StringContent(identity.ToJsonString(), Encoding.UTF8, "application/json"));
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString());
        var opaque = server.Services.GetRequiredService<OpaqueTokens>();
        var access = OpaqueTokens.New(OpaqueTokens.AccessPrefix);
        var now = server.Clock.GetUtcNow();
        await server.Services.GetRequiredService<TokenStore>().InsertAsync(
            [new StoredToken(opaque.Signature(access), TokenKinds.AccessToken, Guid.NewGuid().ToString(), "account-app", id.ToString(), "openid", string.Empty, null, now, now.AddHours(1))]);

        using var disabled = await server.Admin.DeleteAsync($"/admin/identities/{id}/sessions");
        var (_, body) = await SendAsync(server.Admin, new HttpRequestMessage(HttpMethod.Post, "/admin/oauth2/introspect")
        {
            Content = new FormUrlEncodedContent(Form(("token", access))),
        });

        body["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    public sealed class Server() : ServerFixture(DatabaseKind.Sqlite)
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["oauth2.revoke_tokens_on.password_change"] = "false",
            ["oauth2.revoke_tokens_on.session_revoked"] = "false",
        };
    }
}
