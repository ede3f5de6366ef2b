// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Security.ApiKeys;

namespace Tessera.IntegrationTests.Security;

/// <summary>
/// The per-node admin-key cache (<see cref="ApiKeyCache"/>): two servers on one database. A key revoked on one node
/// stops working there at once and on the other within <see cref="ApiKeyCache.CacheLifetime"/>, never later.
/// </summary>
public abstract class AdminApiKeyCacheTests(DatabaseKind kind)
{
    private const string Protected = "/admin/identities";

    [Fact]
    public async Task RevokedKey_OnTheRevokingNode_StopsAtOnce_AndOnAnotherNodeWithinTheCacheLifetime()
    {
        await using var first = await TesseraTestServer.StartAsync(kind);
        await using var second = await TesseraTestServer.StartAsync(kind, dsn: first.Dsn);
        var admin = await CreateKeyAsync(first, null);
        var revoked = await CreateKeyAsync(first, admin.Value);
        (await StatusAsync(first, HttpMethod.Get, Protected, revoked.Value)).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(second, HttpMethod.Get, Protected, revoked.Value)).ShouldBe(HttpStatusCode.OK);

        (await StatusAsync(first, HttpMethod.Delete, $"/admin/api-keys/{revoked.Id}", admin.Value)).ShouldBe(HttpStatusCode.NoContent);
        var onRevokingNode = await StatusAsync(first, HttpMethod.Get, Protected, revoked.Value);
        var withinBound = await StatusAsync(second, HttpMethod.Get, Protected, revoked.Value);
        second.Clock.Advance(ApiKeyCache.CacheLifetime);
        var afterBound = await StatusAsync(second, HttpMethod.Get, Protected, revoked.Value);

        onRevokingNode.ShouldBe(HttpStatusCode.Unauthorized, "the node that revoked the key drops it from its cache at once");
        withinBound.ShouldBe(HttpStatusCode.OK, "the other node answers from its cache, which is what saves the database read");
        afterBound.ShouldBe(HttpStatusCode.Unauthorized, "no node accepts a revoked key longer than the cache lifetime");
        (await StatusAsync(second, HttpMethod.Get, Protected, admin.Value)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FirstKey_CreatedOnAnotherNode_ClosesTheAutoModeAdminApiWithinTheCacheLifetime()
    {
        await using var first = await TesseraTestServer.StartAsync(kind);
        await using var second = await TesseraTestServer.StartAsync(kind, dsn: first.Dsn);
        (await second.Admin.GetAsync(Protected)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var key = await CreateKeyAsync(first, null);
        var onCreatingNode = (await first.Admin.GetAsync(Protected)).StatusCode;
        second.Clock.Advance(ApiKeyCache.CacheLifetime);
        var afterBound = (await second.Admin.GetAsync(Protected)).StatusCode;

        onCreatingNode.ShouldBe(HttpStatusCode.Unauthorized);
        afterBound.ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusAsync(second, HttpMethod.Get, Protected, key.Value)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<(Guid Id, string Value)> CreateKeyAsync(TesseraTestServer server, string? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/api-keys") { Content = JsonContent.Create(new { name = "cache" }) };
        if (auth is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth);
        }

        using var response = await server.Admin.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("id").GetGuid(), body.RootElement.GetProperty("value").GetString()!);
    }

    private static async Task<HttpStatusCode> StatusAsync(TesseraTestServer server, HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await server.Admin.SendAsync(request);
        return response.StatusCode;
    }
}

public sealed class SqliteAdminApiKeyCacheTests() : AdminApiKeyCacheTests(DatabaseKind.Sqlite);

public sealed class PostgresAdminApiKeyCacheTests() : AdminApiKeyCacheTests(DatabaseKind.Postgres);
