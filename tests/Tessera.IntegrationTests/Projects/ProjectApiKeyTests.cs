// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Security.ApiKeys;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Project API keys (<c>tessera_pat_</c>, issue 21 acceptance 3): bound to one project, which they serve on the
/// project-level admin API; refused on another project's resources exactly as an unknown key, and on workspace-level
/// endpoints with <c>api_key_wrong_kind</c> naming the kind needed.
/// </summary>
public abstract class ProjectApiKeyTests(DatabaseKind kind)
{
    [Fact]
    public async Task Create_ShowsTheValueOnce_StoresOnlyItsHash_AndTheChecksumIsRecognised()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await AdminAsync(server);
        var project = await CreateProjectAsync(admin);

        var created = await admin.PostAsync($"/admin/projects/{project.Id}/api-keys", new { name = "ci" });
        var value = created.GetProperty("value").GetString()!;
        var listed = await admin.GetAsync($"/admin/projects/{project.Id}/api-keys");

        value.ShouldStartWith("tessera_pat_");
        ApiKeyFormat.Recognise(value).ShouldBe(ApiKeyKind.Project);
        ApiKeyFormat.Recognise(value[..^1] + (value[^1] == 'a' ? 'b' : 'a')).ShouldBeNull();
        created.GetProperty("kind").GetString().ShouldBe("project");
        created.GetProperty("project_id").GetGuid().ShouldBe(project.Id);
        listed.EnumerateArray().Select(k => k.GetProperty("id").GetGuid()).ShouldBe([created.GetProperty("id").GetGuid()]);
        listed.GetRawText().ShouldNotContain(value[^20..]);
        listed[0].TryGetProperty("value", out _).ShouldBeFalse();
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        var row = (IDictionary<string, object>)await connection.QuerySingleAsync(
            "SELECT * FROM api_keys WHERE kind = 'project'");
        row["key_hash"].ShouldBe(ApiKeyFormat.Hash(value));
        var secretPart = value[^20..];
        row.Values.OfType<string>().ShouldNotContain(v => v.Contains(secretPart, StringComparison.Ordinal));
        Guid.Parse(row["nid"].ToString()!).ShouldBe(project.Id);
    }

    [Fact]
    public async Task ProjectKeys_EachSeeOnlyTheirProjectsIdentities()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await AdminAsync(server);
        var first = await CreateProjectAsync(admin);
        var second = await CreateProjectAsync(admin);
        var firstKey = await ProjectKeyAsync(admin, first.Id);
        var secondKey = await ProjectKeyAsync(admin, second.Id);

        await firstKey.CreateIdentityAsync("first@keys.example");
        await secondKey.CreateIdentityAsync("second@keys.example");

        (await firstKey.IdentityEmailsAsync()).ShouldBe(["first@keys.example"]);
        (await secondKey.IdentityEmailsAsync()).ShouldBe(["second@keys.example"]);
        (await admin.IdentityEmailsAsync()).ShouldBeEmpty("an admin key without Tessera-Project serves the default project");
        (await admin.For(first.Slug).IdentityEmailsAsync()).ShouldBe(["first@keys.example"]);
        (await admin.For(second.Id.ToString()).IdentityEmailsAsync()).ShouldBe(["second@keys.example"]);
        (await firstKey.For(first.Slug).IdentityEmailsAsync()).ShouldBe(["first@keys.example"], "a project key may name its own project");
    }

    [Fact]
    public async Task ProjectKey_OnAnotherProject_Answers401AsAnUnknownKeyDoes()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await AdminAsync(server);
        var first = await CreateProjectAsync(admin);
        var second = await CreateProjectAsync(admin);
        var firstKey = await ProjectKeyAsync(admin, first.Id);
        var unknown = Guid.NewGuid();

        var viaHeader = await firstKey.For(second.Slug).ShouldFailAsync(HttpMethod.Get, "/admin/identities", HttpStatusCode.Unauthorized, "api_key_invalid");
        var viaUnknownHeader = await firstKey.For("no-such-project").ShouldFailAsync(HttpMethod.Get, "/admin/identities", HttpStatusCode.Unauthorized, "api_key_invalid");
        var viaRoute = await firstKey.ShouldFailAsync(HttpMethod.Get, $"/admin/projects/{second.Id}/api-keys", HttpStatusCode.Unauthorized, "api_key_invalid");
        var viaUnknownRoute = await firstKey.ShouldFailAsync(HttpMethod.Get, $"/admin/projects/{unknown}/api-keys", HttpStatusCode.Unauthorized, "api_key_invalid");
        var unknownKey = await new KeyedAdminClient(server, ApiKeyFormat.Generate(ApiKeyKind.Project))
            .ShouldFailAsync(HttpMethod.Get, "/admin/identities", HttpStatusCode.Unauthorized, "api_key_invalid");

        // Don't reveal whether another project exists: the same answer, word for word, as for an unknown key.
        foreach (var answer in new[] { viaHeader, viaUnknownHeader, viaRoute, viaUnknownRoute })
        {
            Comparable(answer).ShouldBe(Comparable(unknownKey));
        }

        await firstKey.ShouldFailAsync(HttpMethod.Post, $"/admin/projects/{second.Id}/api-keys", HttpStatusCode.Unauthorized, "api_key_invalid", new { name = "x" });
        (await firstKey.GetAsync($"/admin/projects/{first.Id}/api-keys")).GetArrayLength().ShouldBe(1, "a project key manages its own project's keys");
    }

    [Fact]
    public async Task ProjectKey_OnWorkspaceAndDeploymentEndpoints_Answers401NamingTheKindNeeded()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await AdminAsync(server);
        var project = await CreateProjectAsync(admin);
        var key = await ProjectKeyAsync(admin, project.Id);

        var onWorkspaces = await key.ShouldFailAsync(HttpMethod.Get, "/admin/workspaces", HttpStatusCode.Unauthorized, "api_key_wrong_kind");
        var onProject = await key.ShouldFailAsync(HttpMethod.Get, $"/admin/projects/{project.Id}", HttpStatusCode.Unauthorized, "api_key_wrong_kind");
        var onAdminKeys = await key.ShouldFailAsync(HttpMethod.Get, "/admin/api-keys", HttpStatusCode.Unauthorized, "api_key_wrong_kind");

        onWorkspaces.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("workspace");
        onWorkspaces.GetProperty("details").GetProperty("presented_kind").GetString().ShouldBe("project");
        onWorkspaces.GetProperty("reason").GetString()!.ShouldContain("/admin/workspaces/{id}/api-keys");
        onProject.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("workspace");
        onAdminKeys.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("admin");
        onAdminKeys.GetProperty("reason").GetString()!.ShouldContain("tessera keys create --name");
    }

    [Fact]
    public async Task AdminKey_NamingAnUnknownProject_Answers404()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await AdminAsync(server);

        await admin.For("no-such-project").ShouldFailAsync(HttpMethod.Get, "/admin/identities", HttpStatusCode.NotFound, "project_not_found");
        await admin.For(Guid.NewGuid().ToString()).ShouldFailAsync(HttpMethod.Get, "/admin/identities", HttpStatusCode.NotFound, "project_not_found");
        await admin.ShouldFailAsync(HttpMethod.Post, $"/admin/projects/{Guid.NewGuid()}/api-keys", HttpStatusCode.NotFound, "project_not_found", new { name = "x" });
        await admin.ShouldFailAsync(HttpMethod.Post, $"/admin/projects/{(await CreateProjectAsync(admin)).Id}/api-keys", HttpStatusCode.BadRequest, "api_key_request_invalid", new { name = "" });
    }

    [Fact]
    public async Task AutoMode_AfterAProjectKeyIsCreatedOnAnOpenAdminApi_RequiresKeys()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var open = new KeyedAdminClient(server, null);
        var project = await CreateProjectAsync(open);

        var created = await open.PostAsync($"/admin/projects/{project.Id}/api-keys", new { name = "first" });

        await open.ShouldFailAsync(HttpMethod.Get, "/admin/identities", HttpStatusCode.Unauthorized, "api_key_missing");
        (await new KeyedAdminClient(server, created.GetProperty("value").GetString()!).SendAsync(HttpMethod.Get, "/admin/identities"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RevokedProjectKey_StopsAtOnceOnItsNode_AndOnAnotherNodeWithinTheCacheLifetime()
    {
        await using var first = await TesseraTestServer.StartAsync(kind);
        await using var second = await TesseraTestServer.StartAsync(kind, dsn: first.Dsn);
        var admin = await AdminAsync(first);
        var project = await CreateProjectAsync(admin);
        var created = await admin.PostAsync($"/admin/projects/{project.Id}/api-keys", new { name = "revoked" });
        var value = created.GetProperty("value").GetString()!;
        var onFirst = new KeyedAdminClient(first, value);
        var onSecond = new KeyedAdminClient(second, value);
        (await onFirst.SendAsync(HttpMethod.Get, "/admin/identities")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onSecond.SendAsync(HttpMethod.Get, "/admin/identities")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.SendAsync(HttpMethod.Delete, $"/admin/projects/{project.Id}/api-keys/{created.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var onRevokingNode = (await onFirst.SendAsync(HttpMethod.Get, "/admin/identities")).StatusCode;
        var withinBound = (await onSecond.SendAsync(HttpMethod.Get, "/admin/identities")).StatusCode;
        second.Clock.Advance(ApiKeyCache.CacheLifetime);
        var afterBound = (await onSecond.SendAsync(HttpMethod.Get, "/admin/identities")).StatusCode;

        onRevokingNode.ShouldBe(HttpStatusCode.Unauthorized);
        withinBound.ShouldBe(HttpStatusCode.OK, "the other node answers from its cache for at most its lifetime");
        afterBound.ShouldBe(HttpStatusCode.Unauthorized, "no node accepts a revoked key longer than the cache lifetime");
    }

    [Fact]
    public async Task RacingRevokesAndUses_NeverAnswer500_AndTheKeyEndsRevoked()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await AdminAsync(server);
        var project = await CreateProjectAsync(admin);
        var created = await admin.PostAsync($"/admin/projects/{project.Id}/api-keys", new { name = "raced" });
        var key = new KeyedAdminClient(server, created.GetProperty("value").GetString()!);
        var revokePath = $"/admin/projects/{project.Id}/api-keys/{created.GetProperty("id").GetGuid()}";

        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = i % 2 == 0
                ? await admin.SendAsync(HttpMethod.Delete, revokePath)
                : await key.SendAsync(HttpMethod.Get, "/admin/identities");
            return (Revoke: i % 2 == 0, response.StatusCode);
        }));

        statuses.Where(s => s.Revoke).Select(s => s.StatusCode).Distinct().ShouldBe([HttpStatusCode.NoContent]);
        statuses.Where(s => !s.Revoke).Select(s => s.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Unauthorized);
        (await key.SendAsync(HttpMethod.Get, "/admin/identities")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync(revokePath)).TryGetProperty("revoked_at", out _).ShouldBeTrue();
    }

    internal static async Task<KeyedAdminClient> AdminAsync(TesseraTestServer server)
    {
        var created = await new KeyedAdminClient(server, null).PostAsync("/admin/api-keys", new { name = "operator" });
        return new KeyedAdminClient(server, created.GetProperty("value").GetString()!);
    }

    internal static async Task<(Guid Id, string Slug)> CreateProjectAsync(KeyedAdminClient admin, Guid? workspace = null)
    {
        var slug = "p" + Guid.NewGuid().ToString("N")[..12];
        var project = await admin.PostAsync("/admin/projects", new { name = slug, slug, workspace_id = workspace });
        return (project.GetProperty("id").GetGuid(), slug);
    }

    internal static async Task<KeyedAdminClient> ProjectKeyAsync(KeyedAdminClient admin, Guid project)
    {
        var created = await admin.PostAsync($"/admin/projects/{project}/api-keys", new { name = "project" });
        return new KeyedAdminClient(admin.Server, created.GetProperty("value").GetString()!);
    }

    // The request id differs per answer; everything else must not.
    private static string Comparable(JsonElement error) =>
        string.Join('|', error.EnumerateObject().Where(p => p.Name != "request").Select(p => p.Name + "=" + p.Value.GetRawText()));
}

public sealed class SqliteProjectApiKeyTests() : ProjectApiKeyTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectApiKeyTests() : ProjectApiKeyTests(DatabaseKind.Postgres);
