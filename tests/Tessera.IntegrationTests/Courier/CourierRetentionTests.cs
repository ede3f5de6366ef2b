// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Persistence.Cleanup;

namespace Tessera.IntegrationTests.Courier;

/// <summary>
/// Issues 17 and 18: the plain code does not stay in the outbox. The cleanup pass blanks the bodies and template
/// data of messages that are done (sent, abandoned) a day after their last attempt and deletes them after a week,
/// and leaves messages still waiting to be sent alone. Time moves on the fake clock.
/// </summary>
public abstract class CourierRetentionTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly SmtpSink _sink = SmtpSink.Start();
    private TesseraTestServer _server = null!;

    public async Task InitializeAsync() => _server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
    {
        ["courier.smtp.connection_uri"] = _sink.ConnectionUri,
        ["courier.worker.pull_wait"] = "1h",
        ["courier.message_retries"] = "0",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Pass_BlanksDoneMessagesBodiesAfterADay_DeletesThemAfterAWeek_AndLeavesQueuedOnesAlone()
    {
        _sink.Refuse("554 5.7.1 Rejected");
        var abandoned = await QueueAsync("111111");
        await DeliverAsync();
        _sink.Accept();
        var sent = await QueueAsync("222222");
        await DeliverAsync();
        var queued = await QueueAsync("333333");
        await PostponeAsync(queued, TimeSpan.FromDays(100));
        (await StatusAsync(abandoned)).ShouldBe("abandoned");
        (await StatusAsync(sent)).ShouldBe("sent");

        _server.Clock.Advance(TimeSpan.FromHours(23));
        var early = await RunPassAsync();
        (await StoredAsync(sent)).ShouldBe(("222222", true));
        (await StoredAsync(abandoned)).ShouldBe(("111111", true));

        _server.Clock.Advance(TimeSpan.FromHours(2));
        var redacted = await RunPassAsync();
        (await StoredAsync(sent)).ShouldBe((null, false));
        (await StoredAsync(abandoned)).ShouldBe((null, false));
        (await StoredAsync(queued)).ShouldBe(("333333", true));
        using (var shown = await _server.Admin.GetAsync($"/admin/courier/messages/{sent}"))
        {
            shown.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var message = JsonDocument.Parse(await shown.Content.ReadAsStringAsync());
            message.RootElement.GetProperty("status").GetString().ShouldBe("sent");
            message.RootElement.GetProperty("body").GetString().ShouldBe(string.Empty);
        }

        _server.Clock.Advance(TimeSpan.FromDays(6));
        var deleted = await RunPassAsync();
        (await FindAsync(sent)).ShouldBeNull();
        (await FindAsync(abandoned)).ShouldBeNull();
        (await StoredAsync(queued)).ShouldBe(("333333", true));

        Count(early, "courier message bodies").ShouldBe(0);
        Count(redacted, "courier message bodies").ShouldBe(2);
        Count(redacted, "courier messages").ShouldBe(0);
        Count(deleted, "courier messages").ShouldBe(2);
    }

    private Task<Guid> QueueAsync(string code) => _server.Services.GetRequiredService<CourierOutbox>()
        .QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, $"keep-{Guid.NewGuid():N}@example.com", new { RecoveryCode = code });

    private Task<int> DeliverAsync() => _server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();

    private Task<IReadOnlyList<(string Name, int Deleted)>> RunPassAsync() =>
        _server.Services.GetRequiredService<CleanupPass>().RunAsync(CancellationToken.None);

    private static int Count(IReadOnlyList<(string Name, int Deleted)> results, string name) => results.Single(r => r.Name == name).Deleted;

    private Task<CourierMessage?> FindAsync(Guid id) => _server.Services.GetRequiredService<CourierStore>().FindAsync(id);

    private async Task<string?> StatusAsync(Guid id) => (await FindAsync(id))?.Status;

    /// <summary>The code if every stored copy (HTML, plain text, template data) still holds it; whether any does.</summary>
    private async Task<(string? Code, bool AnyCopy)> StoredAsync(Guid id)
    {
        await using var connection = await _server.Services.GetRequiredService<Database>().OpenAsync();
        var row = await connection.QuerySingleAsync<(string Body, string Plain, string Data)>(
            "SELECT body, body_plaintext, template_data FROM courier_messages WHERE id = @Id", new { Id = id });
        var code = System.Text.RegularExpressions.Regex.Match(row.Plain, @"\b\d{6}\b").Value;
        var all = code.Length > 0 && row.Body.Contains(code, StringComparison.Ordinal) && row.Data.Contains(code, StringComparison.Ordinal);
        var any = row.Body.Length > 0 || row.Plain.Length > 0 || row.Data != "{}";
        return (all ? code : null, any);
    }

    private async Task PostponeAsync(Guid id, TimeSpan by)
    {
        await using var connection = await _server.Services.GetRequiredService<Database>().OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE courier_messages SET next_attempt_at = @At WHERE id = @Id", new { Id = id, At = _server.Clock.GetUtcNow() + by });
    }
}

public sealed class SqliteCourierRetentionTests() : CourierRetentionTests(DatabaseKind.Sqlite);

public sealed class PostgresCourierRetentionTests() : CourierRetentionTests(DatabaseKind.Postgres);
