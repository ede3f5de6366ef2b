// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.Errors.Containers;
using Tessera.Errors.Occurrences;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Two projects on one server and one database (issue 21, acceptance 1): the default one on the base domain and a
/// project on its slug host. Nothing of one is usable or readable through the other's host.
/// </summary>
public abstract class ProjectIsolationTests(DatabaseKind kind)
{
    private const string Password = "correct horse battery staple 21";

    [Fact]
    public async Task IdentityOfOneProject_CannotSignInThroughTheOthersHost()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, projectHost) = await CreateProjectAsync(server);
        var email = $"a-{Guid.NewGuid():N}@example.com";
        var other = $"b-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(server, email, Password);
        await CreateIdentityAsync(server, projectId, other, Password);

        var throughOther = await SignInAsync(server, projectHost, email, HttpStatusCode.BadRequest);
        var reverse = await SignInAsync(server, BaseDomain, other, HttpStatusCode.BadRequest);
        var own = await SignInAsync(server, BaseDomain, email, HttpStatusCode.OK);
        var ownInProject = await SignInAsync(server, projectHost, other, HttpStatusCode.OK);

        FlowJson.MessageIds(throughOther).ShouldBe([4000006]);
        FlowJson.MessageIds(reverse).ShouldBe([4000006]);
        own.GetProperty("session_token").GetString().ShouldNotBeNullOrEmpty();
        ownInProject.GetProperty("session").GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(other);
    }

    [Fact]
    public async Task SessionTokenOfOneProject_Answers401OnTheOthersWhoami_EvenRightAfterACachedAnswer()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string> { ["session.whoami.cache_ttl"] = "1h" }));
        var (_, projectHost) = await CreateProjectAsync(server);
        var email = $"a-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(server, email, Password);
        var token = (await SignInAsync(server, BaseDomain, email, HttpStatusCode.OK)).GetProperty("session_token").GetString()!;

        using var own = await SendAsync(server, BaseDomain, HttpMethod.Get, "/sessions/whoami", sessionToken: token);
        using var ownAgain = await SendAsync(server, BaseDomain, HttpMethod.Get, "/sessions/whoami", sessionToken: token);
        using var other = await SendAsync(server, projectHost, HttpMethod.Get, "/sessions/whoami", sessionToken: token);

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        ownAgain.Headers.GetValues("Tessera-Session-Cache").ShouldBe(["HIT"]);
        var body = await JsonAsync(other, HttpStatusCode.Unauthorized);
        body.GetProperty("error").GetProperty("id").GetString().ShouldBe("session_inactive");
        (other.Headers.TryGetValues("Tessera-Session-Cache", out var cache) ? cache : []).ShouldNotContain("HIT");
    }

    [Fact]
    public async Task ErrorIdOfOneProject_Answers404ThroughTheOthersHost()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (_, projectHost) = await CreateProjectAsync(server);
        var id = await server.Services.GetRequiredService<ErrorContainerStore>().CreateAsync(
            new JsonObject { ["id"] = "stub", ["code"] = 500, ["message"] = "stored in the default project" }, null);

        using var own = await GetAsync(server, BaseDomain, $"/self-service/errors?id={id}");
        using var other = await GetAsync(server, projectHost, $"/self-service/errors?id={id}");

        own.StatusCode.ShouldBe(HttpStatusCode.OK, await own.Content.ReadAsStringAsync());
        (await JsonAsync(other, HttpStatusCode.NotFound)).GetProperty("error").GetProperty("id").GetString().ShouldBe("self_service_error_not_found");
    }

    [Fact]
    public async Task FlowOfOneProject_Answers404ThroughTheOthersHost()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (_, projectHost) = await CreateProjectAsync(server);
        var flow = await NewApiFlowAsync(server, BaseDomain, "login");
        var id = flow.GetProperty("id").GetString();

        using var own = await GetAsync(server, BaseDomain, $"/self-service/login/flows?id={id}");
        using var other = await GetAsync(server, projectHost, $"/self-service/login/flows?id={id}");
        using var submitted = await SendAsync(server, projectHost, HttpMethod.Post, $"/self-service/login?flow={id}",
            new { method = "password", identifier = "x@example.com", password = Password });

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound, await other.Content.ReadAsStringAsync());
        submitted.StatusCode.ShouldBe(HttpStatusCode.NotFound, await submitted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RecoveryEmailRequestedOnAProjectHost_IsDispatchedByTheCourier()
    {
        // The worker is parked (pull_wait 1h): the test runs the courier's poll itself.
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string> { ["courier.worker.pull_wait"] = "1h" }));
        var (projectId, projectHost) = await CreateProjectAsync(server);
        var email = $"r-{Guid.NewGuid():N}@example.com";
        await CreateIdentityAsync(server, projectId, email, Password);
        var flow = await NewApiFlowAsync(server, projectHost, "recovery");

        using var sent = await SendAsync(server, projectHost, HttpMethod.Post, $"/self-service/recovery?flow={flow.GetProperty("id").GetString()}",
            new { method = "code", email });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var dispatcher = server.Services.GetRequiredService<CourierDispatcher>();
        var defaultOnly = await dispatcher.ProcessBatchAsync();
        var claimed = await dispatcher.ProcessEveryProjectAsync();

        defaultOnly.ShouldBe(0);
        claimed.ShouldBe(1);
        (await CourierStatusesAsync(server, projectId)).ShouldBe([CourierMessageStatus.Logged]);
    }

    [Fact]
    public async Task ErrorOccurrences_AreStoredWithTheProjectOfTheRequest()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings());
        var (projectId, projectHost) = await CreateProjectAsync(server);

        using var missing = await GetAsync(server, projectHost, $"/self-service/login/flows?id={Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await server.Services.GetRequiredService<OccurrenceWriter>().FlushAsync();

        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM error_occurrences WHERE nid = @Nid", new { Nid = projectId })).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CleanupPass_DeletesExpiredRowsOfEveryProject()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Settings(new Dictionary<string, string> { ["selfservice.flows.error.lifespan"] = "1h" }));
        var (projectId, projectHost) = await CreateProjectAsync(server);
        Guid id;
        using (NetworkContext.Enter(projectId))
        {
            id = await server.Services.GetRequiredService<ErrorContainerStore>().CreateAsync(new JsonObject { ["id"] = "stub", ["code"] = 500 }, null);
        }

        server.Clock.Advance(TimeSpan.FromHours(2));
        await server.Services.GetRequiredService<Tessera.Persistence.Cleanup.CleanupPass>().RunAsync(CancellationToken.None);

        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM selfservice_errors WHERE nid = @Nid", new { Nid = projectId })).ShouldBe(0);
        using var gone = await GetAsync(server, projectHost, $"/self-service/errors?id={id}");
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<System.Text.Json.JsonElement> SignInAsync(TesseraTestServer server, string host, string email, HttpStatusCode status)
    {
        var flow = await NewApiFlowAsync(server, host, "login");
        using var response = await SendAsync(server, host, HttpMethod.Post, $"/self-service/login?flow={flow.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password });
        return await JsonAsync(response, status);
    }

    private static async Task<IReadOnlyList<string>> CourierStatusesAsync(TesseraTestServer server, Guid projectId)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        return (await connection.QueryAsync<string>("SELECT status FROM courier_messages WHERE nid = @Nid", new { Nid = projectId })).ToList();
    }
}

public sealed class SqliteProjectIsolationTests() : ProjectIsolationTests(DatabaseKind.Sqlite);

public sealed class PostgresProjectIsolationTests() : ProjectIsolationTests(DatabaseKind.Postgres);
