// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Errors.Occurrences;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Errors.Occurrences.OccurrenceTestSteps;

namespace Tessera.IntegrationTests.Errors.Occurrences;

/// <summary>
/// Every flow's steps land in <c>flow_funnel_steps</c>, created flows as counts per minute in <c>flow_funnel_created</c>
/// (batched, like occurrences), and add up to the funnel.
/// </summary>
public abstract class FlowFunnelTests(DatabaseKind kind)
{
    [Fact]
    public async Task Funnel_CountsCreatedSubmittedSucceededAndFailuresByErrorId()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var email = $"funnel-{Guid.NewGuid():N}@example.org";
        const string password = "funnel passphrase 4242";
        await TestIdentities.CreateAsync(server, email, password);
        var failing = await CreateApiFlowAsync(server, "login");
        var succeeding = await CreateApiFlowAsync(server, "login");
        await CreateApiFlowAsync(server, "login"); // never submitted
        await CreateApiFlowAsync(server, "registration");

        using (var wrong = await SubmitLoginAsync(server, failing, email, "not the passphrase"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var wrongAgain = await SubmitLoginAsync(server, failing, email, "still not the passphrase"))
        {
            wrongAgain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var right = await SubmitLoginAsync(server, succeeding, email, password))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await FlushAsync(server);

        var funnel = await server.Services.GetRequiredService<OccurrenceQueries>().FunnelAsync(DashboardWindow.Hour);

        var login = funnel.Single(f => f.FlowKind == "login");
        login.Created.ShouldBe(3);
        login.Submitted.ShouldBe(2);
        login.Succeeded.ShouldBe(1);
        login.Failed.ShouldBe(1);
        login.Failures.ShouldBe([new FunnelFailure("4000006", 2)]);
        var registration = funnel.Single(f => f.FlowKind == "registration");
        registration.Created.ShouldBe(1);
        registration.Submitted.ShouldBe(0);
    }

    [Fact]
    public async Task Funnel_CreatedFlowsOfOneMinuteAddUpAcrossBatchesAndRacingRequests()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => CreateApiFlowAsync(server, "login")));
        await FlushAsync(server);
        await CreateApiFlowAsync(server, "login");
        await CreateApiFlowAsync(server, "login");
        await FlushAsync(server);

        var funnel = await server.Services.GetRequiredService<OccurrenceQueries>().FunnelAsync(DashboardWindow.Hour);

        funnel.Single(f => f.FlowKind == "login").Created.ShouldBe(32, "the second batch adds to the minute's row");
    }

    [Fact]
    public async Task Funnel_LeavesOutStepsBeforeTheWindow()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        await CreateApiFlowAsync(server, "login");
        server.Clock.Advance(TimeSpan.FromHours(2));
        await CreateApiFlowAsync(server, "login");
        await FlushAsync(server);
        var queries = server.Services.GetRequiredService<OccurrenceQueries>();

        (await queries.FunnelAsync(DashboardWindow.Hour)).Single(f => f.FlowKind == "login").Created.ShouldBe(1);
        (await queries.FunnelAsync(DashboardWindow.Day)).Single(f => f.FlowKind == "login").Created.ShouldBe(2);
    }
}

public sealed class SqliteFlowFunnelTests() : FlowFunnelTests(DatabaseKind.Sqlite);

public sealed class PostgresFlowFunnelTests() : FlowFunnelTests(DatabaseKind.Postgres);
