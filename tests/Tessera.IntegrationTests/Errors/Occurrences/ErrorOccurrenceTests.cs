// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Errors.Occurrences;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence.Cleanup;
using static Tessera.IntegrationTests.Errors.Occurrences.OccurrenceTestSteps;

namespace Tessera.IntegrationTests.Errors.Occurrences;

/// <summary>Error ids and UI message ids users meet land in <c>error_occurrences</c>, without anything sensitive, and go after their lifespan.</summary>
public abstract class ErrorOccurrenceTests(DatabaseKind kind)
{
    [Fact]
    public async Task WrongPassword_StoresTheMessageWithFlowRouteStatusAndRequestId()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var flow = await CreateApiFlowAsync(server, "login");

        using var answer = await SubmitLoginAsync(server, flow, $"nobody-{Guid.NewGuid():N}@example.org", "wrong password 123", "occ-request-1");
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await FlushAsync(server);

        var recent = await server.Services.GetRequiredService<OccurrenceQueries>().RecentAsync("4000006", 10);
        var occurrence = recent.ShouldHaveSingleItem();
        occurrence.Kind.ShouldBe(OccurrenceKinds.Message);
        occurrence.FlowKind.ShouldBe("login");
        occurrence.FlowId.ShouldBe(flow);
        occurrence.Endpoint.ShouldBe("POST /self-service/login");
        occurrence.Status.ShouldBe(400);
        occurrence.RequestId.ShouldBe("occ-request-1");
        occurrence.OccurredAt.ShouldBe(server.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task AnsweredError_StoresItsIdStatusAndRoutePattern()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var unknown = Guid.NewGuid();

        using var answer = await server.Public.GetAsync($"/self-service/login/flows?id={unknown}");
        var id = answer.Headers.GetValues("Ory-Error-Id").Single();
        await FlushAsync(server);

        var occurrence = (await server.Services.GetRequiredService<OccurrenceQueries>().RecentAsync(id, 10)).ShouldHaveSingleItem();
        occurrence.Kind.ShouldBe(OccurrenceKinds.Error);
        occurrence.Status.ShouldBe((int)answer.StatusCode);
        occurrence.Endpoint.ShouldBe("GET /self-service/login/flows");
        occurrence.FlowKind.ShouldBe("login");
        occurrence.FlowId.ShouldBe(unknown);
        occurrence.RequestId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Occurrences_NeverStoreIdentifiersPasswordsOrTraits()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var email = $"leak-{Guid.NewGuid():N}@example.org";
        const string password = "Sup3r-secret-occurrence-passphrase";
        await TestIdentities.CreateAsync(server, email, "another long passphrase 4242");
        var login = await CreateApiFlowAsync(server, "login");
        (await SubmitLoginAsync(server, login, email, password)).Dispose();
        var registration = await CreateApiFlowAsync(server, "registration");
        (await server.Public.PostAsJsonAsync($"/self-service/registration?flow={registration}",
            new { method = "password", traits = new { email }, password })).Dispose();
        using var path = await server.Admin.GetAsync($"/admin/identities/{Uri.EscapeDataString(email)}");
        await FlushAsync(server);

        var stored = await AllStoredTextAsync(server);

        stored.ShouldNotBeEmpty();
        stored.ShouldContain("4000006"); // what was met is there
        stored.ShouldAllBe(text => !text.Contains(email, StringComparison.OrdinalIgnoreCase) && !text.Contains(password, StringComparison.Ordinal)
            && !text.Contains("leak-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CleanupPass_DeletesOccurrencesAfterSevenDaysByDefault()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
        await FlushAsync(server);
        var pass = server.Services.GetRequiredService<CleanupPass>();
        (await CountAsync(server, "error_occurrences")).ShouldBeGreaterThan(0);

        server.Clock.Advance(TimeSpan.FromDays(6));
        await pass.RunAsync(CancellationToken.None);
        (await CountAsync(server, "error_occurrences")).ShouldBeGreaterThan(0);

        server.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var result = await pass.RunAsync(CancellationToken.None);

        (await CountAsync(server, "error_occurrences")).ShouldBe(0);
        (await CountAsync(server, "flow_funnel_steps")).ShouldBe(0);
        result.Single(r => r.Name == "error occurrences").Deleted.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CleanupPass_FollowsTheConfiguredLifespan()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["errors.occurrences.lifespan"] = "1h" });
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
        await FlushAsync(server);

        server.Clock.Advance(TimeSpan.FromMinutes(61));
        await server.Services.GetRequiredService<CleanupPass>().RunAsync(CancellationToken.None);

        (await CountAsync(server, "error_occurrences")).ShouldBe(0);
    }

    [Fact]
    public async Task Disabled_StoresNothing()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["errors.occurrences.enabled"] = "false" });
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();
        await FlushAsync(server);

        (await CountAsync(server, "error_occurrences")).ShouldBe(0);
        (await CountAsync(server, "flow_funnel_steps")).ShouldBe(0);
    }

    [Fact]
    public async Task BackgroundWriter_StoresOccurrencesWithoutAnyFlush()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        (await SubmitLoginAsync(server, await CreateApiFlowAsync(server, "login"), "a@example.org", "wrong password 123")).Dispose();

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (await CountAsync(server, "error_occurrences") == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await CountAsync(server, "error_occurrences")).ShouldBeGreaterThan(0);
    }
}

public sealed class SqliteErrorOccurrenceTests() : ErrorOccurrenceTests(DatabaseKind.Sqlite);

public sealed class PostgresErrorOccurrenceTests() : ErrorOccurrenceTests(DatabaseKind.Postgres);
