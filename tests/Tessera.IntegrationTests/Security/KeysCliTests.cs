// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Headers;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Security;

/// <summary><c>tessera keys create|list|revoke</c> run as a user runs them, against the database a server uses.</summary>
public abstract class KeysCliTests(DatabaseKind kind)
{
    [Fact]
    public async Task Keys_CreatedListedAndRevokedByCli_WorkThenStopWorkingOnTheAdminApi()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["serve.admin.auth.required"] = "true" });
        var environment = new Dictionary<string, string> { ["DSN"] = server.Dsn };

        var (created, key, createErr) = await TesseraProcess.RunAsync(["keys", "create", "--name", "ci"], environment);
        created.ShouldBe(0, createErr);
        key = key.Trim();
        key.ShouldStartWith("tessera_admin_");
        (await GetAsync(server, key)).ShouldBe(HttpStatusCode.OK);

        var (listed, list, _) = await TesseraProcess.RunAsync(["keys", "list"], environment);
        listed.ShouldBe(0);
        list.ShouldContain(key[..18]);
        list.ShouldNotContain(key[18..30]);
        var id = list.Split('\n')[1].Split('\t')[0];

        var (revoked, _, revokeErr) = await TesseraProcess.RunAsync(["keys", "revoke", id], environment);
        revoked.ShouldBe(0, revokeErr);
        // The CLI is another process, so another node: the server may answer from its key cache for at most its lifetime.
        server.Clock.Advance(Tessera.Security.ApiKeys.ApiKeyCache.CacheLifetime);
        (await GetAsync(server, key)).ShouldBe(HttpStatusCode.Unauthorized);

        var (unknown, _, unknownErr) = await TesseraProcess.RunAsync(["keys", "revoke", Guid.NewGuid().ToString()], environment);
        unknown.ShouldBe(1);
        unknownErr.Trim().Split('\n').Length.ShouldBe(1);
    }

    private static async Task<HttpStatusCode> GetAsync(TesseraTestServer server, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/identities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await server.Admin.SendAsync(request);
        return response.StatusCode;
    }
}

public sealed class SqliteKeysCliTests() : KeysCliTests(DatabaseKind.Sqlite);

public sealed class PostgresKeysCliTests() : KeysCliTests(DatabaseKind.Postgres);
