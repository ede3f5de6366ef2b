// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Projects.Domains;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>Routing by host (<c>serve.public.base_domain</c>): which project a Host serves, and 404 E1 for the others.</summary>
public abstract class ProjectRoutingTests(DatabaseKind kind)
{
    private const string E1 = "The requested host is not associated with any project.";

    [Theory]
    [InlineData("unbound.example.com")]
    [InlineData("nosuchproject.tessera.test")]
    [InlineData("127.0.0.1")]
    public async Task UnknownHost_Answers404ProjectHostUnknown_AsEnvelope(string host)
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());

        using var response = await GetAsync(server, host, "/self-service/login/api");

        var body = await JsonAsync(response, HttpStatusCode.NotFound);
        var error = body.GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("project_host_unknown");
        error.GetProperty("code").GetInt32().ShouldBe(404);
        error.GetProperty("message").GetString().ShouldBe(E1);
        response.Headers.GetValues("Ory-Error-Id").ShouldBe(["project_host_unknown"]);
    }

    [Fact]
    public async Task UnknownHost_AnswersProblemJson_AndAnHtmlPageForBrowsers()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());

        using var problem = await GetAsync(server, "Unbound.Example.COM.", "/self-service/login/browser", "application/problem+json");
        using var page = await GetAsync(server, "unbound.example.com:4433", "/self-service/login/browser", "text/html,application/xhtml+xml");

        var problemBody = await JsonAsync(problem, HttpStatusCode.NotFound);
        problem.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problemBody.GetProperty("title").GetString().ShouldBe("project_host_unknown");
        problemBody.GetProperty("status").GetInt32().ShouldBe(404);
        problemBody.GetProperty("type").GetString().ShouldBe($"http://{DefaultHost}:4433/ui/errors/project_host_unknown");
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound, html);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.Headers.GetValues("Ory-Error-Id").ShouldBe(["project_host_unknown"]);
        html.ShouldContain(E1);
        html.ShouldContain("unbound.example.com");
        page.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task HealthEndpoints_AnswerOnAnyHost()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());

        using var alive = await GetAsync(server, "unbound.example.com", "/health/alive");
        using var ready = await GetAsync(server, "unbound.example.com", "/health/ready");

        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BaseDomainAndBaseUrlHost_ServeTheDefaultProject_AndSlugHostsTheirProject()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (_, projectHost) = await CreateProjectAsync(server);

        var onBaseDomain = await NewApiFlowAsync(server, BaseDomain, "login");
        var onBaseUrl = await NewApiFlowAsync(server, DefaultHost + ":4433", "login");
        var onProject = await NewApiFlowAsync(server, projectHost.ToUpperInvariant() + ".", "login");

        onBaseDomain.GetProperty("ui").GetProperty("action").GetString().ShouldStartWith($"http://{DefaultHost}:4433/self-service/login?flow=");
        onBaseUrl.GetProperty("ui").GetProperty("action").GetString().ShouldStartWith($"http://{DefaultHost}:4433/self-service/login?flow=");
        onProject.GetProperty("ui").GetProperty("action").GetString().ShouldStartWith($"http://{projectHost}:4433/self-service/login?flow=");
        onProject.GetProperty("request_url").GetString().ShouldStartWith($"http://{projectHost}:4433/self-service/login/api");
    }

    [Fact]
    public async Task CustomDomain_DoesNotServeWhilePending_AndServesOnceActive()
    {
        var resolver = new FakeTxtResolver();
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(), services: s => s.AddSingleton<IDnsTxtResolver>(resolver));
        var (projectId, _) = await CreateProjectAsync(server);
        var hostname = $"login.{Slug()}.example";
        using var created = await server.Admin.PostAsJsonAsync($"/admin/projects/{projectId}/domains", new { hostname });
        var domain = await JsonAsync(created, HttpStatusCode.Created);

        using var pending = await GetAsync(server, hostname, "/self-service/login/api");
        var pendingError = await JsonAsync(pending, HttpStatusCode.NotFound);
        resolver.Records[domain.GetProperty("verification").GetProperty("name").GetString()!] = [domain.GetProperty("verification").GetProperty("value").GetString()!];
        using var verified = await server.Admin.PostAsync($"/admin/projects/{projectId}/domains/{domain.GetProperty("id").GetGuid()}/verify", null);
        (await JsonAsync(verified, HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("active");
        var active = await NewApiFlowAsync(server, hostname, "login");

        pendingError.GetProperty("error").GetProperty("id").GetString().ShouldBe("project_host_unknown");
        active.GetProperty("ui").GetProperty("action").GetString().ShouldStartWith($"http://{hostname}:4433/self-service/login?flow=");
    }

    [Fact]
    public async Task CookiesOnAProjectHost_AreHostOnly()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (_, projectHost) = await CreateProjectAsync(server);

        using var response = await GetAsync(server, projectHost, "/self-service/login/browser", "text/html");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.AbsoluteUri.ShouldStartWith($"http://{projectHost}:4433/ui/login?flow=");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldContain(c => c.StartsWith(server.CsrfCookieName + "=", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => !c.Contains("domain=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutBaseDomain_AnyHostServesTheDefaultProject()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);

        var flow = await NewApiFlowAsync(server, "anything.example.com", "login");

        flow.GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
    }
}

public sealed class SqliteProjectRoutingTests() : ProjectRoutingTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectRoutingTests() : ProjectRoutingTests(DatabaseKind.Postgres);
