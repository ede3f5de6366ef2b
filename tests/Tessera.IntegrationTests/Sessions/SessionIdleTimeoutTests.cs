// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Sessions;
using static Tessera.IntegrationTests.Fixtures.ApiSessions;

namespace Tessera.IntegrationTests.Sessions;

/// <summary><c>session.idle_timeout</c>: a session unused for longer stops working, beside its absolute lifespan.</summary>
public abstract class SessionIdleTimeoutTests(DatabaseKind kind)
{
    private static readonly Dictionary<string, string> Idle = new() { ["session.idle_timeout"] = "10m" };

    [Fact]
    public async Task Whoami_UnusedLongerThanIdleTimeout_Answers401()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Idle);
        var issued = await IssueAsync(server);

        server.Clock.Advance(TimeSpan.FromMinutes(11));

        (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Whoami_UsedWithinIdleTimeout_KeepsTheSessionAlive()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Idle);
        var issued = await IssueAsync(server);

        server.Clock.Advance(TimeSpan.FromMinutes(6));
        (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.OK);
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.OK);
        server.Clock.Advance(TimeSpan.FromMinutes(11));

        (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Whoami_CalledOftenWithinAMinute_WritesLastUseOnce()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Idle);
        var issued = await IssueAsync(server);
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        var firstUse = server.Clock.GetUtcNow();

        for (var i = 0; i < 10; i++)
        {
            (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.OK);
            server.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        (await SeenAtAsync(server, issued.Session.Id)).ShouldBe(firstUse);
    }

    [Fact]
    public async Task Whoami_CachedAnswer_DoesNotOutliveTheIdleDeadline()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>(Idle) { ["session.whoami.cache_ttl"] = "1h" });
        var issued = await IssueAsync(server);
        (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.OK);

        server.Clock.Advance(TimeSpan.FromMinutes(11));

        (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Whoami_WithoutIdleTimeout_LastsTheWholeLifespan()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var issued = await IssueAsync(server);

        server.Clock.Advance(TimeSpan.FromHours(23));

        (await WhoamiAsync(server, issued.Token)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminLists_ActiveFilter_CountsAnIdleSessionAsInactive_AsWhoamiDoes()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, Idle);
        var idle = await IssueAsync(server);
        server.Clock.Advance(TimeSpan.FromMinutes(11));
        var fresh = await server.Services.GetRequiredService<SessionManager>().IssueAsync(
            idle.Session.IdentityId, [new AuthenticationMethod("password", "aal1", server.Clock.GetUtcNow())], null);

        (await WhoamiAsync(server, idle.Token)).ShouldBe(HttpStatusCode.Unauthorized);
        (await ListedAsync(server, $"/admin/identities/{idle.Session.IdentityId}/sessions?active=true")).ShouldBe([fresh.Session.Id]);
        (await ListedAsync(server, $"/admin/identities/{idle.Session.IdentityId}/sessions?active=false")).ShouldBe([idle.Session.Id]);
        (await ListedAsync(server, "/admin/sessions?active=true")).ShouldBe([fresh.Session.Id]);
        (await ListedAsync(server, "/admin/sessions?active=false")).ShouldBe([idle.Session.Id]);
    }

    private static async Task<List<Guid>> ListedAsync(TesseraTestServer server, string path)
    {
        using var response = await server.Admin.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
    }

    private static async Task<IssuedSession> IssueAsync(TesseraTestServer server)
    {
        var identity = await TestIdentities.CreateAsync(server);
        var method = new AuthenticationMethod("password", "aal1", server.Clock.GetUtcNow());
        return await server.Services.GetRequiredService<SessionManager>().IssueAsync(identity, [method], null);
    }

    private static async Task<DateTimeOffset?> SeenAtAsync(TesseraTestServer server, Guid sessionId)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.QuerySingleAsync<DateTimeOffset?>("SELECT seen_at FROM sessions WHERE id = @Id", new { Id = sessionId });
    }
}

public sealed class SqliteSessionIdleTimeoutTests() : SessionIdleTimeoutTests(DatabaseKind.Sqlite);

public sealed class PostgresSessionIdleTimeoutTests() : SessionIdleTimeoutTests(DatabaseKind.Postgres);
