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

    [Fact]
    public async Task ProjectAndWorkspaceKeys_CreatedListedAndRevokedByCli_WorkThenStopWorking()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["serve.admin.auth.required"] = "true" });
        var environment = new Dictionary<string, string> { ["DSN"] = server.Dsn };
        var (_, adminKey, _) = await TesseraProcess.RunAsync(["keys", "create", "--name", "operator"], environment);
        var admin = new Tessera.IntegrationTests.Projects.KeyedAdminClient(server, adminKey.Trim());
        var workspace = (await admin.PostAsync("/admin/workspaces", new { name = "cli" })).GetProperty("id").GetGuid();
        var slug = "cli" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostAsync("/admin/projects", new { name = "cli", slug, workspace_id = workspace });

        var (created, projectKey, createErr) = await TesseraProcess.RunAsync(["keys", "create", "--project", slug, "--name", "app"], environment);
        var (workspaceCreated, workspaceKey, workspaceErr) = await TesseraProcess.RunAsync(["keys", "create", "--workspace", workspace.ToString(), "--name", "ops"], environment);
        var (listed, list, _) = await TesseraProcess.RunAsync(["keys", "list", "--project", slug], environment);
        var (unknown, _, unknownErr) = await TesseraProcess.RunAsync(["keys", "create", "--project", "no-such-project", "--name", "x"], environment);

        created.ShouldBe(0, createErr);
        workspaceCreated.ShouldBe(0, workspaceErr);
        projectKey = projectKey.Trim();
        workspaceKey = workspaceKey.Trim();
        projectKey.ShouldStartWith("tessera_pat_");
        workspaceKey.ShouldStartWith("tessera_wak_");
        (await GetAsync(server, projectKey)).ShouldBe(HttpStatusCode.OK);
        (await GetAsync(server, workspaceKey, $"/admin/workspaces/{workspace}")).ShouldBe(HttpStatusCode.OK);
        listed.ShouldBe(0);
        list.ShouldContain(projectKey[..16]);
        list.ShouldNotContain(projectKey[16..30]);
        unknown.ShouldBe(1);
        unknownErr.Trim().Split('\n').Length.ShouldBe(1);

        var id = list.Split('\n')[1].Split('\t')[0];
        var (revoked, _, revokeErr) = await TesseraProcess.RunAsync(["keys", "delete", id, "--project", slug], environment);
        revoked.ShouldBe(0, revokeErr);
        server.Clock.Advance(Tessera.Security.ApiKeys.ApiKeyCache.CacheLifetime);
        (await GetAsync(server, projectKey)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpStatusCode> GetAsync(TesseraTestServer server, string key, string path = "/admin/identities")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await server.Admin.SendAsync(request);
        return response.StatusCode;
    }
}

public sealed class SqliteKeysCliTests() : KeysCliTests(DatabaseKind.Sqlite);

public sealed class PostgresKeysCliTests() : KeysCliTests(DatabaseKind.Postgres);
