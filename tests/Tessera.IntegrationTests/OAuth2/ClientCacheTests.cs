// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>
/// The token path reads clients from a per-node cache: a change on this node counts for the very next request, a
/// change on another node within the cache bound (1 s), whether it rotates the secret, changes the client or deletes it.
/// </summary>
public abstract class ClientCacheTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task RotatedSecret_IsRefusedAtOnceOnThisNode_AndWithinTheCacheBoundOnAnother()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, dsn: Server.Dsn);
        var client = await CreateServiceClientAsync(Server);
        (await TokenStatusAsync(Server, client)).ShouldBe(HttpStatusCode.OK);
        (await TokenStatusAsync(other, client)).ShouldBe(HttpStatusCode.OK);

        using var rotated = await Server.Admin.PostAsync($"/admin/clients/{client.Id}/secrets/rotate", null);
        var fresh = (client.Id, (await rotated.Content.ReadFromJsonAsync<JsonObject>())!["client_secret"]!.ToString());
        other.Clock.Advance(TimeSpan.FromSeconds(1));

        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenStatusAsync(Server, client)).ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenStatusAsync(other, client)).ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenStatusAsync(Server, fresh)).ShouldBe(HttpStatusCode.OK);
        (await TokenStatusAsync(other, fresh)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeletedClient_IsRefusedAtOnceOnThisNode_AndWithinTheCacheBoundOnAnother()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, dsn: Server.Dsn);
        var client = await CreateServiceClientAsync(Server);
        (await TokenStatusAsync(Server, client)).ShouldBe(HttpStatusCode.OK);
        (await TokenStatusAsync(other, client)).ShouldBe(HttpStatusCode.OK);

        using var deleted = await Server.Admin.DeleteAsync($"/admin/clients/{client.Id}");
        other.Clock.Advance(TimeSpan.FromSeconds(1));

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await TokenStatusAsync(Server, client)).ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenStatusAsync(other, client)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UpdatedClient_CountsForTheNextRequestOnThisNode()
    {
        var client = await CreateServiceClientAsync(Server);
        (await TokenStatusAsync(Server, client)).ShouldBe(HttpStatusCode.OK);

        using var patched = await Server.Admin.PatchAsync($"/admin/clients/{client.Id}",
            new StringContent("""[{"op": "replace", "path": "/scope", "value": "write"}]""", Encoding.UTF8, "application/json"));
        var (status, body) = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client));

        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body["error"]!.ToString().ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task ClientCreatedOnAnotherNode_AfterAFailedTryHere_WorksWithinTheCacheBound()
    {
        await using var other = await TesseraTestServer.StartAsync(fixture.Kind, dsn: Server.Dsn);
        var id = "late-" + Guid.NewGuid().ToString("N");
        var client = (id, "a chosen secret of some length");
        (await TokenStatusAsync(Server, client)).ShouldBe(HttpStatusCode.Unauthorized);

        await CreateClientAsync(other, $$"""{"client_id": "{{id}}", "grant_types": ["client_credentials"], "scope": "read", "client_secret": "a chosen secret of some length"}""");
        Server.Clock.Advance(TimeSpan.FromSeconds(1));

        (await TokenStatusAsync(Server, client)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(TesseraTestServer server, (string Id, string Secret) client) =>
        (await SendAsync(server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client))).Status;
}

public sealed class SqliteClientCacheTests(SqliteServer fixture) : ClientCacheTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresClientCacheTests(PostgresServer fixture) : ClientCacheTests(fixture), IClassFixture<PostgresServer>;
