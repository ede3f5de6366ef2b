// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Projects.Domains;

namespace Tessera.IntegrationTests.Projects;

/// <summary>Workspaces, projects and domains through the admin API, over real HTTP on SQLite and PostgreSQL.</summary>
public abstract class ProjectAdminTests(DatabaseKind kind)
{
    [Fact]
    public async Task Create_WorkspaceProjectAndDomain_ThenListGetAndDelete()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var workspace = await CreateAsync(server, "/admin/workspaces", new { name = "Acme" });
        var slug = Slug();

        var project = await CreateAsync(server, "/admin/projects",
            new { name = "Acme sandbox", slug, workspace_id = workspace.GetProperty("id").GetGuid(), environment = "sandbox" });
        var projectId = project.GetProperty("id").GetGuid();
        var domain = await CreateAsync(server, $"/admin/projects/{projectId}/domains", new { hostname = "Login.Acme.Example." });

        project.GetProperty("slug").GetString().ShouldBe(slug);
        project.GetProperty("environment").GetString().ShouldBe("sandbox");
        domain.GetProperty("hostname").GetString().ShouldBe("login.acme.example");
        domain.GetProperty("state").GetString().ShouldBe("pending");
        domain.GetProperty("verification").GetProperty("name").GetString().ShouldBe("_tessera-verification.login.acme.example");
        domain.GetProperty("verification").GetProperty("value").GetString()!.ShouldStartWith("tessera-verification=");
        using (var listed = await server.Admin.GetAsync($"/admin/projects?workspace_id={workspace.GetProperty("id").GetGuid()}"))
        {
            using var body = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
            body.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe([projectId]);
        }

        (await server.Admin.GetAsync($"/admin/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.Admin.GetAsync($"/admin/projects/{projectId}/domains")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeErrorAsync(await server.Admin.DeleteAsync($"/admin/workspaces/{workspace.GetProperty("id").GetGuid()}"), HttpStatusCode.Conflict, "project_conflict");
        (await server.Admin.DeleteAsync($"/admin/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeErrorAsync(await server.Admin.GetAsync($"/admin/projects/{projectId}"), HttpStatusCode.NotFound, "project_not_found");
        (await server.Admin.DeleteAsync($"/admin/workspaces/{workspace.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeErrorAsync(await server.Admin.GetAsync($"/admin/workspaces/{workspace.GetProperty("id").GetGuid()}"), HttpStatusCode.NotFound, "workspace_not_found");
    }

    [Fact]
    public async Task Domain_BecomesActiveOnlyWhenItsTxtRecordIsFound()
    {
        var resolver = new FakeTxtResolver();
        await using var server = await TesseraTestServer.StartAsync(kind, services: s => s.AddSingleton<IDnsTxtResolver>(resolver));
        var project = await CreateAsync(server, "/admin/projects", new { name = "Verified", slug = Slug() });
        var projectId = project.GetProperty("id").GetGuid();
        var domain = await CreateAsync(server, $"/admin/projects/{projectId}/domains", new { hostname = "id.verified.example" });
        var path = $"/admin/projects/{projectId}/domains/{domain.GetProperty("id").GetGuid()}";
        var verification = domain.GetProperty("verification");

        resolver.Records[verification.GetProperty("name").GetString()!] = ["tessera-verification=wrong"];
        var stillPending = await PostAsync(server, path + "/verify");
        resolver.Records[verification.GetProperty("name").GetString()!] = ["unrelated", verification.GetProperty("value").GetString()!];
        var active = await PostAsync(server, path + "/verify");

        stillPending.GetProperty("state").GetString().ShouldBe("pending");
        active.GetProperty("state").GetString().ShouldBe("active");
        resolver.Asked.ShouldAllBe(name => name == "_tessera-verification.id.verified.example");
        (await server.Admin.DeleteAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeErrorAsync(await server.Admin.GetAsync(path), HttpStatusCode.NotFound, "domain_not_found");
    }

    [Theory]
    [InlineData("/admin/workspaces", """{"name":""}""")]
    [InlineData("/admin/projects", """{"name":"x","slug":"Not A Slug"}""")]
    [InlineData("/admin/projects", """{"name":"x","slug":"ok","environment":"Prod!"}""")]
    [InlineData("/admin/projects", """{"name":"x","slug":"ok","workspace_id":"nope"}""")]
    [InlineData("/admin/projects", """{"name":42,"slug":"ok"}""")]
    public async Task Create_WithBadInput_Answers400ProjectRequestInvalid(string path, string body)
    {
        await using var server = await TesseraTestServer.StartAsync(kind);

        using var response = await server.Admin.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "project_request_invalid");
    }

    [Theory]
    [InlineData("https://login.example.com")]
    [InlineData("login.example.com:8443")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("bad_label.example.com")]
    public async Task Domain_WithBadHostname_Answers400(string hostname)
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var project = await CreateAsync(server, "/admin/projects", new { name = "Hosts", slug = Slug() });

        using var response = await server.Admin.PostAsJsonAsync($"/admin/projects/{project.GetProperty("id").GetGuid()}/domains", new { hostname });

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "project_request_invalid");
    }

    [Fact]
    public async Task Project_InAnUnknownWorkspaceOrUnknownProject_Answers404()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);

        using var project = await server.Admin.PostAsJsonAsync("/admin/projects", new { name = "x", slug = Slug(), workspace_id = Guid.NewGuid() });
        using var domain = await server.Admin.PostAsJsonAsync($"/admin/projects/{Guid.NewGuid()}/domains", new { hostname = "a.example.com" });

        await ShouldBeErrorAsync(project, HttpStatusCode.NotFound, "workspace_not_found");
        await ShouldBeErrorAsync(domain, HttpStatusCode.NotFound, "project_not_found");
    }

    [Fact]
    public async Task DefaultProject_IsListed_AndCannotBeDeleted()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var listed = await server.Admin.GetAsync("/admin/projects");
        using var body = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var fallback = body.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "default");

        using var delete = await server.Admin.DeleteAsync($"/admin/projects/{fallback.GetProperty("id").GetGuid()}");

        await ShouldBeErrorAsync(delete, HttpStatusCode.Conflict, "project_conflict");
    }

    [Fact]
    public async Task SameSlugOrHostname_Under30ParallelRequests_IsTakenOnce()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var slug = Slug();
        var owner = await CreateAsync(server, "/admin/projects", new { name = "Owner", slug = Slug() });

        var projects = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => server.Admin.PostAsJsonAsync("/admin/projects", new { name = "Race", slug })));
        var domains = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            server.Admin.PostAsJsonAsync($"/admin/projects/{owner.GetProperty("id").GetGuid()}/domains", new { hostname = "race.example.com" })));

        projects.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        projects.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(29);
        domains.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        domains.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(29);
    }

    private static string Slug() => "p" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<JsonElement> CreateAsync(TesseraTestServer server, string path, object body)
    {
        using var response = await server.Admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> PostAsync(TesseraTestServer server, string path)
    {
        using var response = await server.Admin.PostAsync(path, null);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ShouldBeErrorAsync(HttpResponseMessage response, HttpStatusCode status, string id)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe(id);
    }
}

public sealed class SqliteProjectAdminTests() : ProjectAdminTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectAdminTests() : ProjectAdminTests(DatabaseKind.Postgres);
