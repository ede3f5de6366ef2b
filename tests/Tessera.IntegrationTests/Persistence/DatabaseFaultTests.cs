// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Persistence;

/// <summary>
/// The database goes away under load, on a PostgreSQL cluster of the test's own (stopped or frozen here, so never
/// the shared one): answers are fast 503s with Retry-After, the outage is logged once when it starts and once when
/// it ends, the node recovers without a restart, and nothing it acknowledged is lost.
/// </summary>
public sealed class DatabaseFaultTests
{
    private const int DownEvent = 1030;
    private const int BackEvent = 1031;

    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task StoppedDatabase_UnderWrites_Answers503WithRetryAfterLogsOnceAndRecoversWithNothingLost()
    {
        await using var cluster = await PostgresCluster.StartNewAsync();
        var dsn = await cluster.CreateDatabaseAsync() + "&connect_timeout=2&statement_timeout=2s";
        var logs = new LogCapture();
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, dsn: dsn, logs: logs);
        var acknowledged = new ConcurrentBag<Guid>();
        var refused = new ConcurrentBag<Answer>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            // Bounded: stops when the test says so, and each request is bounded by the DSN's deadlines.
            for (var i = 0; i < 2_000 && !stop.IsCancellationRequested; i++)
            {
                var answer = await CreateIdentityAsync(server);
                if (answer.Status == HttpStatusCode.Created)
                {
                    acknowledged.Add(answer.Id!.Value);
                }
                else
                {
                    refused.Add(answer);
                }

                await Task.Delay(20);
            }
        })).ToArray();

        await Task.Delay(500);
        await cluster.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var readiness = await GetReadyAsync(server);
        await cluster.StartAsync();
        var recovered = await WaitUntilReadyAsync(server, RecoveryBound);
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var after = await CreateIdentityAsync(server);

        readiness.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        readiness.ErrorId.ShouldBe("storage_unavailable");
        readiness.RetryAfter.ShouldNotBeNull();
        readiness.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        recovered.ShouldBeTrue("the node did not become ready again after the database came back");
        after.Status.ShouldBe(HttpStatusCode.Created);
        refused.ShouldNotBeEmpty();
        foreach (var answer in refused)
        {
            answer.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, answer.Body);
            answer.ErrorId.ShouldBe("service_unavailable");
            answer.RetryAfter.ShouldNotBeNull();
            answer.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
        }

        foreach (var id in acknowledged)
        {
            using var response = await server.Admin.GetAsync($"/admin/identities/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"identity {id} was acknowledged with 201 but is gone");
        }

        AssertOneWarningPerStateChange(logs);
    }

    [Fact]
    public async Task FrozenDatabase_ReadyAnswers503WithinTwoSecondsRequests503WithinDeadline_RecoversAfterThaw()
    {
        await using var cluster = await PostgresCluster.StartNewAsync();
        var dsn = await cluster.CreateDatabaseAsync() + "&connect_timeout=2&statement_timeout=1s";
        var logs = new LogCapture();
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Postgres, dsn: dsn, logs: logs);
        var id = (await CreateIdentityAsync(server)).Id!.Value;
        Answer readiness;
        Answer[] reads;
        try
        {
            await cluster.SignalAsync("STOP");
            readiness = await GetReadyAsync(server);
            reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => GetAsync(server.Admin, $"/admin/identities/{id}")));
        }
        finally
        {
            await cluster.SignalAsync("CONT");
        }

        var recovered = await WaitUntilReadyAsync(server, RecoveryBound);
        var after = await CreateIdentityAsync(server);

        readiness.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        readiness.ErrorId.ShouldBe("storage_unavailable");
        readiness.RetryAfter.ShouldNotBeNull();
        readiness.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));

        // The deadline: statement_timeout 1 s + the client's 2 s margin + 1 s for the unanswered cancel request
        // (or connect_timeout 2 s for a new connection).
        foreach (var read in reads)
        {
            read.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, read.Body);
            read.ErrorId.ShouldBe("service_unavailable");
            read.RetryAfter.ShouldNotBeNull();
            read.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
        }

        recovered.ShouldBeTrue("the node did not become ready again after the database was thawed");
        after.Status.ShouldBe(HttpStatusCode.Created, after.Body);
        AssertOneWarningPerStateChange(logs);
    }

    private static void AssertOneWarningPerStateChange(LogCapture logs)
    {
        var entries = logs.Entries;
        entries.Count(e => e.EventId == DownEvent && e.Level == LogLevel.Warning).ShouldBe(1, Describe(entries));
        entries.Count(e => e.EventId == BackEvent && e.Level == LogLevel.Warning).ShouldBe(1, Describe(entries));
        entries.Where(e => e.Level >= LogLevel.Error).ShouldBeEmpty(Describe(entries));
    }

    private static string Describe(IEnumerable<LogCaptureEntry> entries) =>
        string.Join('\n', entries.Select(e => $"{e.Level} {e.EventId} {e.Category}: {e.Message}"));

    private static async Task<Answer> CreateIdentityAsync(TesseraTestServer server)
    {
        var watch = Stopwatch.StartNew();
        using var response = await server.Admin.PostAsJsonAsync("/admin/identities", new { traits = new { email = $"fault-{Guid.NewGuid():N}@example.com" } });
        var body = await response.Content.ReadAsStringAsync();
        Guid? id = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid() : null;
        return Answer.Of(response, body, watch.Elapsed, id);
    }

    private static Task<Answer> GetReadyAsync(TesseraTestServer server) => GetAsync(server.Public, "/health/ready");

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        return Answer.Of(response, await response.Content.ReadAsStringAsync(), watch.Elapsed, null);
    }

    private static async Task<bool> WaitUntilReadyAsync(TesseraTestServer server, TimeSpan bound)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < bound)
        {
            if ((await GetReadyAsync(server)).Status == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private sealed record Answer(HttpStatusCode Status, string? ErrorId, string? RetryAfter, TimeSpan Elapsed, Guid? Id, string Body)
    {
        public static Answer Of(HttpResponseMessage response, string body, TimeSpan elapsed, Guid? id) => new(
            response.StatusCode,
            response.Headers.TryGetValues("Ory-Error-Id", out var ids) ? ids.First() : null,
            response.Headers.RetryAfter?.ToString(),
            elapsed,
            id,
            body);
    }
}
