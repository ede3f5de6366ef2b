// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.OperatorConsole;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>The admin API's and the console's session lists judge "active" by the listed project's own <c>session.idle_timeout</c>.</summary>
public abstract class ProjectSessionListTests(DatabaseKind kind)
{
    private const string Password = "correct horse battery staple 21";

    [Fact]
    public async Task ActiveSessionLists_OfAProjectWhoseOverlaySetsAnIdleTimeout_LeaveOutItsIdleSessions_AnotherProjectsStayListed()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (idleId, idleHost) = await CreateProjectAsync(server, """{"session":{"idle_timeout":"10m"}}""");
        var (plainId, plainHost) = await CreateProjectAsync(server);
        var idleSlug = SlugOf(idleHost);
        var plainSlug = SlugOf(plainHost);

        var idleEmail = $"idle-{Guid.NewGuid():N}@example.com";
        var plainEmail = $"plain-{Guid.NewGuid():N}@example.com";
        await CreateIdentityAsync(server, idleId, idleEmail, Password);
        await CreateIdentityAsync(server, plainId, plainEmail, Password);
        var idleSession = await SignInAsync(server, idleHost, idleEmail, Password);
        var plainSession = await SignInAsync(server, plainHost, plainEmail, Password);
        server.Clock.Advance(TimeSpan.FromMinutes(11));
        using var console = new ConsoleBrowser(server);
        await console.SignInAsync(null);

        var idleListed = await ActiveSessionsAsync(server, idleSlug);
        var plainListed = await ActiveSessionsAsync(server, plainSlug);
        var idlePage = await console.PageAsync($"/console/sessions?project={idleSlug}");
        var plainPage = await console.PageAsync($"/console/sessions?project={plainSlug}");

        idleListed.ShouldNotContain(idleSession.ToString());
        plainListed.ShouldContain(plainSession.ToString());
        idlePage.ShouldNotContain($"data-session-id=\"{idleSession}\"");
        plainPage.ShouldContain($"data-session-id=\"{plainSession}\"");
    }

    private static async Task<string> ActiveSessionsAsync(TesseraTestServer server, string project)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/sessions?active=true");
        request.Headers.Add("Tessera-Project", project);
        using var response = await server.Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }
}

public sealed class SqliteProjectSessionListTests() : ProjectSessionListTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectSessionListTests() : ProjectSessionListTests(DatabaseKind.Postgres);
