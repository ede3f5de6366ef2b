// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Projects.Domains;
using Tessera.Projects.Routing;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Two nodes on one PostgreSQL database: a host written through node A (a domain activated or deleted, a project
/// deleted) is served or refused by node B within the host cache's stated bound (5 s, <see cref="ProjectRoutingOptions.CacheLifetime"/>).
/// Each node has its own fake clock; B's is moved to cross the bound. The probe is whoami, which writes nothing:
/// 401 on a host that serves, 404 <c>project_host_unknown</c> on one that does not.
/// </summary>
public sealed class ProjectHostCacheTwoNodesTests
{
    [Fact]
    public async Task TwoNodes_DomainActivatedThenDeletedOnA_SeenOnBWithinTheCacheBound()
    {
        var resolver = new FakeTxtResolver();
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Settings(), services: s => s.AddSingleton<IDnsTxtResolver>(resolver));
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Settings(), dsn: first.Dsn);
        var (projectId, _) = await CreateProjectAsync(first);
        var hostname = $"login.{Slug()}.example";
        using var created = await first.Admin.PostAsJsonAsync($"/admin/projects/{projectId}/domains", new { hostname });
        var domain = await JsonAsync(created, HttpStatusCode.Created);
        var path = $"/admin/projects/{projectId}/domains/{domain.GetProperty("id").GetGuid()}";
        await ShouldBeUnknownAsync(second, hostname); // B now remembers the host as unknown

        resolver.Records[domain.GetProperty("verification").GetProperty("name").GetString()!] = [domain.GetProperty("verification").GetProperty("value").GetString()!];
        using var verified = await first.Admin.PostAsync(path + "/verify", null);
        (await JsonAsync(verified, HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("active");

        await ShouldServeAsync(first, hostname); // the writing node at once
        await ShouldBeUnknownAsync(second, hostname); // B answers from memory inside the bound...
        second.Clock.Advance(ProjectRoutingOptions.CacheLifetime);
        await ShouldServeAsync(second, hostname); // ...and from the database once it has passed

        (await first.Admin.DeleteAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ShouldBeUnknownAsync(first, hostname);
        second.Clock.Advance(ProjectRoutingOptions.CacheLifetime);
        await ShouldBeUnknownAsync(second, hostname);
    }

    [Fact]
    public async Task TwoNodes_ProjectDeletedOnA_RefusedOnBWithinTheCacheBound()
    {
        await using var first = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Settings());
        await using var second = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, Settings(), dsn: first.Dsn);
        var (projectId, projectHost) = await CreateProjectAsync(first);
        await ShouldServeAsync(second, projectHost);

        (await first.Admin.DeleteAsync($"/admin/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await ShouldBeUnknownAsync(first, projectHost);
        second.Clock.Advance(ProjectRoutingOptions.CacheLifetime);
        await ShouldBeUnknownAsync(second, projectHost);
    }

    private static async Task ShouldServeAsync(TesseraTestServer node, string host)
    {
        using var response = await GetAsync(node, host, "/sessions/whoami");
        var body = await JsonAsync(response, HttpStatusCode.Unauthorized);
        body.GetProperty("error").GetProperty("id").GetString().ShouldNotBe("project_host_unknown");
    }

    private static async Task ShouldBeUnknownAsync(TesseraTestServer node, string host)
    {
        using var response = await GetAsync(node, host, "/sessions/whoami");
        var body = await JsonAsync(response, HttpStatusCode.NotFound);
        body.GetProperty("error").GetProperty("id").GetString().ShouldBe("project_host_unknown");
    }
}
