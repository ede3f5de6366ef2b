// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using static Tessera.IntegrationTests.OAuth2.IntrospectionTests;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// Opaque client_credentials access tokens are self-contained (sealed, no row per token): nothing about them may
/// differ from stored ones but the write they no longer cost. Revocation by token and by client, on this node at once
/// and on another within the cache bound; a value altered or sealed elsewhere is never active.
/// </summary>
public abstract class SelfContainedTokenTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ClientCredentials_OpaqueToken_IsIssuedWithoutARow_AndIntrospectsLikeAStoredOne()
    {
        var client = await CreateServiceClientAsync(Server);

        var token = await TokenAsync(Server, client);
        var (status, body) = await IntrospectAsync(Server, token);

        (await RowsAsync(client.Id)).ShouldBe(0);
        status.ShouldBe(HttpStatusCode.OK);
        ((bool)body["active"]!).ShouldBeTrue();
        body["client_id"]!.ToString().ShouldBe(client.Id);
        body["sub"]!.ToString().ShouldBe(client.Id);
        body["scope"]!.ToString().ShouldBe("read");
        body["aud"]!.AsArray().Select(a => a!.ToString()).ShouldBe(["https://api.example.test"]);
        body["token_use"]!.ToString().ShouldBe("access_token");
        ((long)body["exp"]! - (long)body["iat"]!).ShouldBe(3600);
        body.ContainsKey("ext").ShouldBeFalse();
    }

    [Fact]
    public async Task TamperedToken_IsInactive_AndCannotBeRevoked()
    {
        var client = await CreateServiceClientAsync(Server);
        var token = await TokenAsync(Server, client);
        var body = token["tsr_at_".Length..];
        var tampered = new[]
        {
            "tsr_at_" + Flip(body, 0),
            "tsr_at_" + Flip(body, body.Length / 2),
            "tsr_at_" + Flip(body, body.Length - 1),
            "tsr_at_" + body[..^4],
            "tsr_at_" + body + "AAAA",
            "tsr_rt_" + body,
        };

        foreach (var value in tampered)
        {
            (await IntrospectAsync(Server, value)).Body.ToJsonString().ShouldBe("""{"active":false}""", value);
            (await SendAsync(Server.Public, RevokeRequest(value, client))).Status.ShouldBe(HttpStatusCode.OK);
        }

        (await IntrospectAsync(Server, token)).Body["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task TokenSealedUnderAnotherServerSecret_IsInactive()
    {
        // A chosen secret (PBKDF2, not keyed by the server secret) so the same client authenticates on both servers.
        var created = await CreateClientAsync(Server, """{"grant_types": ["client_credentials"], "scope": "read", "client_secret": "a chosen secret of some length"}""");
        var client = (created["client_id"]!.ToString(), "a chosen secret of some length");
        await using var foreign = await TesseraTestServer.StartAsync(fixture.Kind, new Dictionary<string, string>
        {
            ["secrets.default"] = """["another server secret, not this one"]""",
        }, dsn: Server.Dsn);

        var token = await TokenAsync(foreign, client);

        (await IntrospectAsync(foreign, token)).Body["active"]!.GetValue<bool>().ShouldBeTrue();
        (await IntrospectAsync(Server, token)).Body.ToJsonString().ShouldBe("""{"active":false}""");
    }

    [Fact]
    public async Task DeleteTokensOfAClient_OnAnotherNode_IsVisibleWithinTheCacheBound_AndLaterTokensWork()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, dsn: Server.Dsn);
        var client = await CreateServiceClientAsync(Server);
        var token = await TokenAsync(Server, client);
        (await IntrospectAsync(other, token)).Body["active"]!.GetValue<bool>().ShouldBeTrue();

        using var deleted = await Server.Admin.DeleteAsync($"/admin/oauth2/tokens?client_id={client.Id}");
        other.Clock.Advance(TimeSpan.FromSeconds(1));

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await IntrospectAsync(Server, token)).Body.ToJsonString().ShouldBe("""{"active":false}""");
        (await IntrospectAsync(other, token)).Body.ToJsonString().ShouldBe("""{"active":false}""");
        var later = await TokenAsync(Server, client);
        (await IntrospectAsync(Server, later)).Body["active"]!.GetValue<bool>().ShouldBeTrue();
        (await IntrospectAsync(other, later)).Body["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task RevokedToken_OnAnotherNode_IsInactiveWithinTheCacheBound_AndLeavesTheClientsOthersActive()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, dsn: Server.Dsn);
        var client = await CreateServiceClientAsync(Server);
        var revoked = await TokenAsync(Server, client);
        var kept = await TokenAsync(Server, client);
        (await IntrospectAsync(other, revoked)).Body["active"]!.GetValue<bool>().ShouldBeTrue();

        (await SendAsync(Server.Public, RevokeRequest(revoked, client))).Status.ShouldBe(HttpStatusCode.OK);
        other.Clock.Advance(TimeSpan.FromSeconds(1));

        (await IntrospectAsync(Server, revoked)).Body.ToJsonString().ShouldBe("""{"active":false}""");
        (await IntrospectAsync(other, revoked)).Body.ToJsonString().ShouldBe("""{"active":false}""");
        (await IntrospectAsync(other, kept)).Body["active"]!.GetValue<bool>().ShouldBeTrue();
        (await RowsAsync(client.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task TokenOfADeletedClient_StaysInactive_WhenAClientWithTheSameIdIsCreatedAgain()
    {
        var id = "recreated-" + Guid.NewGuid().ToString("N");
        var json = $$"""{"client_id": "{{id}}", "grant_types": ["client_credentials"], "scope": "read", "client_secret": "a chosen secret of some length"}""";
        await CreateClientAsync(Server, json);
        var client = (id, "a chosen secret of some length");
        var token = await TokenAsync(Server, client);

        using var deleted = await Server.Admin.DeleteAsync($"/admin/clients/{id}");
        var afterDelete = await IntrospectAsync(Server, token);
        await CreateClientAsync(Server, json);
        var afterRecreate = await IntrospectAsync(Server, token);

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        afterDelete.Body.ToJsonString().ShouldBe("""{"active":false}""");
        afterRecreate.Body.ToJsonString().ShouldBe("""{"active":false}""");
        (await IntrospectAsync(Server, await TokenAsync(Server, client))).Body["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task JwtAccessToken_StillGetsARow()
    {
        var created = await CreateClientAsync(Server, """{"grant_types": ["client_credentials"], "scope": "read", "access_token_strategy": "jwt"}""");
        var client = (created["client_id"]!.ToString(), created["client_secret"]!.ToString());

        await TokenAsync(Server, client);

        (await RowsAsync(client.Item1)).ShouldBe(1);
    }

    private static async Task<string> TokenAsync(TesseraTestServer server, (string Id, string Secret) client)
    {
        var (status, body) = await SendAsync(server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client));
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body["access_token"]!.ToString();
    }

    private async Task<long> RowsAsync(string clientId)
    {
        await using var connection = await Server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM oauth2_tokens WHERE client_id = @ClientId", new { ClientId = clientId });
    }

    private static string Flip(string text, int index) =>
        text[..index] + (text[index] == 'A' ? 'B' : 'A') + text[(index + 1)..];
}

public sealed class SqliteSelfContainedTokenTests(SqliteServer fixture) : SelfContainedTokenTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresSelfContainedTokenTests(PostgresServer fixture) : SelfContainedTokenTests(fixture), IClassFixture<PostgresServer>;
