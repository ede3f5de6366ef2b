// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.Projects;
using Tessera.Persistence;
using Tessera.Persistence.Cleanup;
using Tessera.SelfService.Flows;
using Tessera.Sessions;

namespace Tessera.IntegrationTests.Persistence;

/// <summary>The one cleanup pass (janitor and `tessera cleanup`): what has expired goes, after its retention.</summary>
public abstract class CleanupPassTests(DatabaseKind kind)
{
    [Fact]
    public async Task Pass_DeletesSubmittedFlowsADayAfterExpiryAndSessionsAWeekAfter()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var issued = await server.Services.GetRequiredService<SessionManager>().IssueAsync(
            await TestIdentities.CreateAsync(server), [new AuthenticationMethod("password", "aal1", server.Clock.GetUtcNow())], null);
        var flowId = await CreateLoginFlowAsync(server);
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        using var submitted = await server.Public.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password", identifier = "a@example.org", password = "wrong" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // the flow is now written: a submitted flow
        var pass = server.Services.GetRequiredService<CleanupPass>();
        var flows = server.Services.GetRequiredService<FlowStore>();
        var sessions = server.Services.GetRequiredService<SessionStore>();

        server.Clock.Advance(TimeSpan.FromHours(24)); // flow expired 23 h ago, session just expired: both kept
        var first = await pass.RunAsync(CancellationToken.None);
        (await flows.FindAsync(flowId, FlowKind.Login)).ShouldNotBeNull();

        server.Clock.Advance(TimeSpan.FromHours(2)); // flow expired 25 h ago: gone; session kept a week
        var second = await pass.RunAsync(CancellationToken.None);
        (await flows.FindAsync(flowId, FlowKind.Login)).ShouldBeNull();
        (await sessions.FindByIdAsync(issued.Session.Id)).ShouldNotBeNull();

        server.Clock.Advance(TimeSpan.FromDays(7));
        var third = await pass.RunAsync(CancellationToken.None);
        (await sessions.FindByIdAsync(issued.Session.Id)).ShouldBeNull();

        first.Select(r => r.Name).ShouldBe(["error containers", "hook executions", "self-service flows", "sessions", "courier message bodies", "courier messages",
            "oauth2 tokens", "oauth2 login and consent requests", "oauth2 logout requests", "error occurrences", "console sessions"], ignoreOrder: true);
        second.Single(r => r.Name == "self-service flows").Deleted.ShouldBeGreaterThanOrEqualTo(1);
        third.Single(r => r.Name == "sessions").Deleted.ShouldBe(1);
    }

    [Fact]
    public async Task Pass_DeletesNeverSubmittedFlowsAnHourAfterExpiry_AndKeepsSubmittedOnes()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var untouched = await CreateLoginFlowAsync(server);
        var submitted = await CreateLoginFlowAsync(server);
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        using var answer = await server.Public.PostAsJsonAsync($"/self-service/login?flow={submitted}", new { method = "password", identifier = "a@example.org", password = "wrong" });
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var pass = server.Services.GetRequiredService<CleanupPass>();
        var flows = server.Services.GetRequiredService<FlowStore>();

        server.Clock.Advance(TimeSpan.FromMinutes(90)); // login flows live 1 h: expired 30 min ago, both kept
        await pass.RunAsync(CancellationToken.None);
        (await flows.FindAsync(untouched, FlowKind.Login)).ShouldNotBeNull();

        server.Clock.Advance(TimeSpan.FromMinutes(45)); // expired 75 min ago: the never-submitted one goes
        var result = await pass.RunAsync(CancellationToken.None);

        (await flows.FindAsync(untouched, FlowKind.Login)).ShouldBeNull();
        (await flows.FindAsync(submitted, FlowKind.Login)).ShouldNotBeNull();
        result.Single(r => r.Name == "self-service flows").Deleted.ShouldBe(1);
    }

    [Fact]
    public async Task Pass_RunsAProjectTaskOncePerProject_AndADeploymentTaskOnce()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, ProjectHosts.Settings());
        await ProjectHosts.CreateProjectAsync(server);
        var perProject = new CountingCleanupTask("per project", perProject: true);
        var deploymentWide = new CountingCleanupTask("deployment wide", perProject: false);
        // A pass of its own over the server's projects: the server's janitor runs the registered tasks when it likes.
        var pass = new CleanupPass([perProject, deploymentWide], NullLogger<CleanupPass>.Instance, server.Services.GetRequiredService<NetworkContext>());

        await pass.RunAsync(CancellationToken.None);

        perProject.Runs.ShouldBe(2);
        deploymentWide.Runs.ShouldBe(1);
    }

    private static async Task<Guid> CreateLoginFlowAsync(TesseraTestServer server)
    {
        using var created = await server.Public.GetAsync("/self-service/login/api");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return flow.RootElement.GetProperty("id").GetGuid();
    }
}

public sealed class SqliteCleanupPassTests() : CleanupPassTests(DatabaseKind.Sqlite);

public sealed class PostgresCleanupPassTests() : CleanupPassTests(DatabaseKind.Postgres);
