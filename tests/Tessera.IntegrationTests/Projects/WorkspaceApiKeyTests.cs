// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Security.ApiKeys;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Workspace API keys (<c>tessera_wak_</c>, issue 21 acceptance 3): they manage their workspace, its projects, domains
/// and keys, never a project's identities (401 <c>api_key_wrong_kind</c> naming the project kind) nor another workspace.
/// </summary>
public abstract class WorkspaceApiKeyTests(DatabaseKind kind)
{
    [Fact]
    public async Task Create_ShowsTheValueOnce_WithTheWorkspacePrefixAndChecksum()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await ProjectApiKeyTests.AdminAsync(server);
        var workspace = await WorkspaceAsync(admin);

        var created = await admin.PostAsync($"/admin/workspaces/{workspace}/api-keys", new { name = "ops" });
        var listed = await admin.GetAsync($"/admin/workspaces/{workspace}/api-keys");

        var value = created.GetProperty("value").GetString()!;
        value.ShouldStartWith("tessera_wak_");
        ApiKeyFormat.Recognise(value).ShouldBe(ApiKeyKind.Workspace);
        created.GetProperty("workspace_id").GetGuid().ShouldBe(workspace);
        listed.GetArrayLength().ShouldBe(1);
        listed[0].TryGetProperty("value", out _).ShouldBeFalse();
        listed[0].GetProperty("hint").GetString()!.ShouldStartWith("tessera_wak_");
    }

    [Fact]
    public async Task WorkspaceKey_OnProjectEndpoints_Answers401NamingTheProjectKind()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await ProjectApiKeyTests.AdminAsync(server);
        var workspace = await WorkspaceAsync(admin);
        var project = await ProjectApiKeyTests.CreateProjectAsync(admin, workspace);
        var key = await WorkspaceKeyAsync(admin, workspace);

        var onIdentities = await key.ShouldFailAsync(HttpMethod.Get, "/admin/identities", HttpStatusCode.Unauthorized, "api_key_wrong_kind");
        var withProject = await key.For(project.Slug).ShouldFailAsync(HttpMethod.Get, "/admin/sessions", HttpStatusCode.Unauthorized, "api_key_wrong_kind");
        var onClients = await key.ShouldFailAsync(HttpMethod.Get, "/admin/clients", HttpStatusCode.Unauthorized, "api_key_wrong_kind");
        var onTuples = await key.ShouldFailAsync(HttpMethod.Delete, "/admin/relation-tuples?namespace=files", HttpStatusCode.Unauthorized, "api_key_wrong_kind");

        onIdentities.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("project");
        onIdentities.GetProperty("details").GetProperty("presented_kind").GetString().ShouldBe("workspace");
        onIdentities.GetProperty("reason").GetString()!.ShouldContain("tessera keys create --project");
        withProject.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("project");
        onClients.GetRawText().ShouldContain("project", Case.Sensitive, "Hydra's error form names the kind needed too");
        onTuples.GetRawText().ShouldContain("project");
    }

    [Fact]
    public async Task WorkspaceKey_ManagesItsWorkspaceProjectsDomainsAndKeys()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await ProjectApiKeyTests.AdminAsync(server);
        var workspace = await WorkspaceAsync(admin);
        var key = await WorkspaceKeyAsync(admin, workspace);

        var slug = "w" + Guid.NewGuid().ToString("N")[..12];
        var project = await key.PostAsync("/admin/projects", new { name = "Made by the workspace key", slug });
        var projectId = project.GetProperty("id").GetGuid();
        var projectKey = await key.PostAsync($"/admin/projects/{projectId}/api-keys", new { name = "app" });
        await key.PostAsync($"/admin/projects/{projectId}/domains", new { hostname = "login.workspace-key.example" });

        project.GetProperty("workspace_id").GetGuid().ShouldBe(workspace, "a workspace key's projects go into its workspace");
        projectKey.GetProperty("value").GetString()!.ShouldStartWith("tessera_pat_");
        (await key.GetAsync("/admin/projects")).EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe([projectId]);
        (await key.GetAsync("/admin/workspaces")).EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).ShouldBe([workspace]);
        (await key.GetAsync($"/admin/workspaces/{workspace}")).GetProperty("id").GetGuid().ShouldBe(workspace);
        (await key.GetAsync($"/admin/projects/{projectId}/domains")).GetArrayLength().ShouldBe(1);
        (await key.GetAsync($"/admin/workspaces/{workspace}/api-keys")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task WorkspaceKey_CannotRaiseItsWorkspacesRateLimits_AnAdminKeySetsThem()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await ProjectApiKeyTests.AdminAsync(server);
        var workspace = await WorkspaceAsync(admin);
        var key = await WorkspaceKeyAsync(admin, workspace);
        var limits = new { rate_limits = new { buckets = new { flow_submissions = new { limit = 1_000_000, window = "1s" } } } };

        var refused = await key.ShouldFailAsync(HttpMethod.Patch, $"/admin/workspaces/{workspace}", HttpStatusCode.Unauthorized, "api_key_wrong_kind", limits);
        using var set = await admin.SendAsync(HttpMethod.Patch, $"/admin/workspaces/{workspace}", limits);

        refused.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("admin", "a tenant's key must not lift the limits the operator set");
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProjectAndWorkspaceKeys_SetAProjectsOverlay_ButNotItsRateLimits()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await ProjectApiKeyTests.AdminAsync(server);
        var workspace = await WorkspaceAsync(admin);
        var project = await ProjectApiKeyTests.CreateProjectAsync(admin, workspace);
        var workspaceKey = await WorkspaceKeyAsync(admin, workspace);
        var projectKey = await ProjectApiKeyTests.ProjectKeyAsync(admin, project.Id);
        var path = $"/admin/projects/{project.Id}/config";
        var limits = new { rate_limits = new { buckets = new { flow_submissions = new { limit = 1_000_000, window = "1s" } } } };

        var byProjectKey = await projectKey.ShouldFailAsync(HttpMethod.Patch, path, HttpStatusCode.Unauthorized, "api_key_wrong_kind", limits);
        var byWorkspaceKey = await workspaceKey.ShouldFailAsync(HttpMethod.Patch, path, HttpStatusCode.Unauthorized, "api_key_wrong_kind", limits);
        using var lifespan = await projectKey.SendAsync(HttpMethod.Patch, path, new { selfservice = new { flows = new { login = new { lifespan = "30m" } } } });
        using var byAdmin = await admin.SendAsync(HttpMethod.Patch, path, limits);

        byProjectKey.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("admin");
        byProjectKey.GetProperty("details").GetProperty("presented_kind").GetString().ShouldBe("project");
        byWorkspaceKey.GetProperty("details").GetProperty("presented_kind").GetString().ShouldBe("workspace");
        lifespan.StatusCode.ShouldBe(HttpStatusCode.OK, await lifespan.Content.ReadAsStringAsync());
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.OK, await byAdmin.Content.ReadAsStringAsync());
        (await admin.GetAsync(path)).GetProperty("overlay").GetProperty("rate_limits").GetProperty("buckets")
            .GetProperty("flow_submissions").GetProperty("limit").GetInt32().ShouldBe(1_000_000);
    }

    [Fact]
    public async Task WorkspaceKey_OnAnotherWorkspaceOrItsProjects_Answers401AsAnUnknownKeyDoes()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var admin = await ProjectApiKeyTests.AdminAsync(server);
        var own = await WorkspaceAsync(admin);
        var other = await WorkspaceAsync(admin);
        var othersProject = await ProjectApiKeyTests.CreateProjectAsync(admin, other);
        var defaultProject = (await admin.GetAsync("/admin/projects")).EnumerateArray().First(p => p.GetProperty("slug").GetString() == "default").GetProperty("id").GetGuid();
        var key = await WorkspaceKeyAsync(admin, own);

        await key.ShouldFailAsync(HttpMethod.Get, $"/admin/workspaces/{other}", HttpStatusCode.Unauthorized, "api_key_invalid");
        await key.ShouldFailAsync(HttpMethod.Post, $"/admin/workspaces/{other}/api-keys", HttpStatusCode.Unauthorized, "api_key_invalid", new { name = "x" });
        await key.ShouldFailAsync(HttpMethod.Get, $"/admin/projects/{othersProject.Id}", HttpStatusCode.Unauthorized, "api_key_invalid");
        await key.ShouldFailAsync(HttpMethod.Get, $"/admin/projects/{defaultProject}", HttpStatusCode.Unauthorized, "api_key_invalid");
        await key.ShouldFailAsync(HttpMethod.Get, $"/admin/projects/{Guid.NewGuid()}", HttpStatusCode.Unauthorized, "api_key_invalid");
        await key.ShouldFailAsync(HttpMethod.Post, $"/admin/projects/{othersProject.Id}/api-keys", HttpStatusCode.Unauthorized, "api_key_invalid", new { name = "x" });
        await key.ShouldFailAsync(HttpMethod.Delete, $"/admin/projects/{othersProject.Id}", HttpStatusCode.Unauthorized, "api_key_invalid");
        await key.ShouldFailAsync(HttpMethod.Post, "/admin/projects", HttpStatusCode.Unauthorized, "api_key_invalid", new { name = "x", slug = "x" + Guid.NewGuid().ToString("N")[..8], workspace_id = other });
        var newWorkspace = await key.ShouldFailAsync(HttpMethod.Post, "/admin/workspaces", HttpStatusCode.Unauthorized, "api_key_wrong_kind", new { name = "x" });
        newWorkspace.GetProperty("details").GetProperty("needed_kind").GetString().ShouldBe("admin");
        (await admin.GetAsync($"/admin/projects/{othersProject.Id}")).GetProperty("id").GetGuid().ShouldBe(othersProject.Id, "nothing was deleted");
    }

    private static async Task<Guid> WorkspaceAsync(KeyedAdminClient admin) =>
        (await admin.PostAsync("/admin/workspaces", new { name = "Workspace" })).GetProperty("id").GetGuid();

    private static async Task<KeyedAdminClient> WorkspaceKeyAsync(KeyedAdminClient admin, Guid workspace)
    {
        var created = await admin.PostAsync($"/admin/workspaces/{workspace}/api-keys", new { name = "workspace" });
        return new KeyedAdminClient(admin.Server, created.GetProperty("value").GetString()!);
    }
}

public sealed class SqliteWorkspaceApiKeyTests() : WorkspaceApiKeyTests(DatabaseKind.Sqlite);

public sealed class PostgresWorkspaceApiKeyTests() : WorkspaceApiKeyTests(DatabaseKind.Postgres);
