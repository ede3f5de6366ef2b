// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.SelfService.Hooks;
using static Tessera.IntegrationTests.Fixtures.ApiSessions;
using static Tessera.IntegrationTests.OperatorConsole.ConsoleIdentityTests;

namespace Tessera.IntegrationTests.OperatorConsole;

/// <summary>The console's sessions, courier and hooks sections over real HTTP.</summary>
public abstract class ConsoleSectionTests(DatabaseKind kind)
{
    [Fact]
    public async Task Sessions_ListsActiveSessions_AndRevokeEndsOnlyThatOne()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var first = $"s1-{Guid.NewGuid():N}@example.com";
        var second = $"s2-{Guid.NewGuid():N}@example.com";
        var firstId = await TestIdentities.CreateAsync(server, first, Password);
        await TestIdentities.CreateAsync(server, second, Password);
        var firstToken = await LoginAsync(server, first, Password);
        var secondToken = await LoginAsync(server, second, Password);
        using var console = await SignedInAsync(server);
        var listed = await console.PageAsync("/console/sessions");
        listed.Split("data-session-id=").Length.ShouldBe(3);
        var sessionId = System.Text.RegularExpressions.Regex.Match(
            await console.PageAsync($"/console/sessions?identity={firstId}"), "data-session-id=\"([0-9a-f-]{36})\"").Groups[1].Value;

        using (var revoked = await console.SubmitAsync($"/console/sessions/{sessionId}/revoke", ("return_to", "https://evil.example/")))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            revoked.Headers.Location!.OriginalString.ShouldBe("/console/sessions?done=revoked");
        }

        (await WhoamiAsync(server, firstToken)).ShouldBe(HttpStatusCode.Unauthorized);
        (await WhoamiAsync(server, secondToken)).ShouldBe(HttpStatusCode.OK);
        (await console.PageAsync("/console/sessions")).Split("data-session-id=").Length.ShouldBe(2);
        (await console.PageAsync("/console/sessions?all=true")).Split("data-session-id=").Length.ShouldBe(3);
        using var unknown = await console.SubmitAsync($"/console/sessions/{Guid.NewGuid()}/revoke");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ConsoleBrowser.ErrorIdOf(await unknown.Content.ReadAsStringAsync()).ShouldBe("session_not_found");
    }

    [Fact]
    public async Task Courier_ShowsStatusSendsAndLastErrorId_AndResendQueuesAnAbandonedMessageOnce()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var id = await AbandonedMessageAsync(server, $"lost-{Guid.NewGuid():N}@example.com");
        using var console = await SignedInAsync(server);

        var page = await console.PageAsync("/console/courier?status=abandoned");
        page.ShouldContain($"data-message-id=\"{id}\" data-status=\"abandoned\"");
        page.ShouldContain("<code>courier_send_failed</code>");
        page.ShouldContain("<td>3</td>");

        using (var resent = await console.SubmitAsync($"/console/courier/{id}/resend"))
        {
            resent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            resent.Headers.Location!.OriginalString.ShouldBe("/console/courier?done=resent");
        }

        var message = await server.Services.GetRequiredService<CourierStore>().FindAsync(id);
        message!.Status.ShouldBeOneOf(CourierMessageStatus.Queued, CourierMessageStatus.Processing, CourierMessageStatus.Logged, CourierMessageStatus.Sent);
        using var unknown = await console.SubmitAsync($"/console/courier/{Guid.NewGuid()}/resend");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ConsoleBrowser.ErrorIdOf(await unknown.Content.ReadAsStringAsync()).ShouldBe("courier_message_not_found");
    }

    [Fact]
    public async Task Hooks_ShowsTheExecutionLog_WithoutTheUrlsQuery()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var execution = new HookExecution(Guid.NewGuid(), Guid.NewGuid(), null, "registration.after", 0, "http://127.0.0.1:9/hook?token=s3cr3t-value",
            502, 42, 2, "failed", "the hook answered 502", server.Clock.GetUtcNow());
        await server.Services.GetRequiredService<HookExecutionStore>().InsertAsync(execution);
        using var console = await SignedInAsync(server);

        var page = await console.PageAsync("/console/hooks");

        page.ShouldContain($"data-execution-id=\"{execution.Id}\"");
        page.ShouldContain("http://127.0.0.1:9/hook");
        page.ShouldNotContain("s3cr3t-value");
    }

    /// <summary>A message the courier gave up on, as the dispatcher leaves one (three failed sends, the last error's id).</summary>
    internal static async Task<Guid> AbandonedMessageAsync(TesseraTestServer server, string recipient)
    {
        var id = await server.Services.GetRequiredService<CourierOutbox>().QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, recipient, new { RecoveryCode = "123456" });
        var now = server.Clock.GetUtcNow();
        var dispatch = new MessageDispatch(Guid.NewGuid(), id, MessageDispatch.Failed,
            new Dictionary<string, string> { ["id"] = "courier_send_failed", ["cause"] = "courier_connection_failed", ["message"] = "connection refused" }, now, now);
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        await connection.ExecuteAsync("UPDATE courier_messages SET status = 'abandoned', send_count = 3, dispatches = @Dispatches WHERE id = @Id",
            new { Id = id, Dispatches = CourierMessageRow.Serialize([dispatch]) });
        return id;
    }
}

public sealed class SqliteConsoleSectionTests() : ConsoleSectionTests(DatabaseKind.Sqlite);

public sealed class PostgresConsoleSectionTests() : ConsoleSectionTests(DatabaseKind.Postgres);
