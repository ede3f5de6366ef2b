// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection;
using Tessera.Errors.Occurrences;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Errors.Occurrences.OccurrenceTestSteps;

namespace Tessera.IntegrationTests.Errors.Occurrences;

/// <summary>The dashboard's queries on real databases: counts per id, per flow, per endpoint, per bucket, and the drill-down.</summary>
public abstract class OccurrenceQueriesTests(DatabaseKind kind)
{
    [Fact]
    public async Task Counts_GroupPerIdPerFlowAndPerEndpoint()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "b@example.org", "wrong password 123")).Dispose();
        using var unknown = await server.Public.GetAsync($"/self-service/login/flows?id={Guid.NewGuid()}");
        var errorId = unknown.Headers.GetValues("Ory-Error-Id").Single();
        await FlushAsync(server);
        var queries = server.Services.GetRequiredService<OccurrenceQueries>();

        var counts = await queries.CountsAsync(DashboardWindow.Hour);
        var byFlow = await queries.ByFlowAsync(DashboardWindow.Hour);
        var byEndpoint = await queries.ByEndpointAsync(DashboardWindow.Hour);

        counts.ShouldContain(new OccurrenceCount(null, OccurrenceKinds.Message, "4000006", 2));
        counts.ShouldContain(new OccurrenceCount(null, OccurrenceKinds.Error, errorId, 1));
        counts[0].Count.ShouldBeGreaterThanOrEqualTo(counts[^1].Count);
        byFlow.ShouldContain(new OccurrenceCount("login", OccurrenceKinds.Message, "4000006", 2));
        byFlow.ShouldContain(new OccurrenceCount("login", OccurrenceKinds.Error, errorId, 1));
        byEndpoint.ShouldContain(new OccurrenceCount("POST /self-service/login", OccurrenceKinds.Message, "4000006", 2));
        byEndpoint.ShouldContain(new OccurrenceCount("GET /self-service/login/flows", OccurrenceKinds.Error, errorId, 1));
    }

    [Fact]
    public async Task OneRead_IsOneSnapshotAndOneNow_LaterOccurrencesAndClockMovesAreNotSeen()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
        await FlushAsync(server);
        var queries = server.Services.GetRequiredService<OccurrenceQueries>();

        await using (var read = await queries.ReadAsync())
        {
            (await read.CountsAsync(DashboardWindow.Hour, CancellationToken.None)).Single(c => c.Code == "4000006").Count.ShouldBe(1);
            (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
            await FlushAsync(server);
            server.Clock.Advance(TimeSpan.FromMinutes(90));

            // Within the read: the occurrence written after it began is not counted, and the hour still ends at its "now".
            (await read.SeriesAsync(DashboardWindow.Hour, "4000006", CancellationToken.None)).Sum().ShouldBe(1);
            (await read.ByEndpointAsync(DashboardWindow.Hour, CancellationToken.None))
                .Single(c => c.Code == "4000006").Count.ShouldBe(1);
        }

        // A new read sees both, and the clock's move: the hour is over.
        (await queries.CountsAsync(DashboardWindow.Day)).Single(c => c.Code == "4000006").Count.ShouldBe(2);
        (await queries.CountsAsync(DashboardWindow.Hour)).ShouldNotContain(c => c.Code == "4000006");
    }

    [Fact]
    public async Task Windows_LeaveOutOlderOccurrences_AndSeriesPutsEachInItsBucket()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
        server.Clock.Advance(TimeSpan.FromMinutes(150));
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
        await FlushAsync(server);
        var queries = server.Services.GetRequiredService<OccurrenceQueries>();

        (await queries.CountsAsync(DashboardWindow.Hour)).Single(c => c.Code == "4000006").Count.ShouldBe(1);
        (await queries.CountsAsync(DashboardWindow.Day)).Single(c => c.Code == "4000006").Count.ShouldBe(2);
        var day = await queries.SeriesAsync(DashboardWindow.Day, "4000006");
        day.Length.ShouldBe(24);
        day[23].ShouldBe(1); // now
        day[21].ShouldBe(1); // 2.5 hours ago
        day.Sum().ShouldBe(2);
        var week = await queries.SeriesAsync(DashboardWindow.Week, "4000006");
        week.Length.ShouldBe(28);
        week[27].ShouldBe(2); // both within the last 6 hours
        (await queries.SeriesAsync(DashboardWindow.Hour)).Sum().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Recent_IsNewestFirstAndLimited()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var flows = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var flow = await CreateApiFlowAsync(server, "login");
            flows.Add(flow);
            (await SubmitLoginAsync(server, flow, "a@example.org", "wrong password 123", $"recent-{i}")).Dispose();
            server.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        await FlushAsync(server);

        var recent = await server.Services.GetRequiredService<OccurrenceQueries>().RecentAsync("4000006", 2);

        recent.Select(r => r.RequestId).ShouldBe(["recent-2", "recent-1"]);
        recent.Select(r => r.FlowId).ShouldBe([flows[2], flows[1]]);
    }
}

public sealed class SqliteOccurrenceQueriesTests() : OccurrenceQueriesTests(DatabaseKind.Sqlite);

public sealed class PostgresOccurrenceQueriesTests() : OccurrenceQueriesTests(DatabaseKind.Postgres);
