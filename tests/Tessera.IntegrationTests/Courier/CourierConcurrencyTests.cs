// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace Tessera.IntegrationTests.Courier;

/// <summary>
/// Two server nodes on one database race for 200 queued messages: two pollers per node call the worker's poll step
/// back to back (batches of 7) until the outbox is empty. The SMTP sink must see each message exactly once.
/// </summary>
public abstract class CourierConcurrencyTests(DatabaseKind kind, ITestOutputHelper output)
{
    private const int MessageCount = 200;

    [Fact]
    public async Task TwoWorkersOnOneDatabase_SendEachMessageExactlyOnce()
    {
        await using var sink = SmtpSink.Start();
        var settings = new Dictionary<string, string>
        {
            ["courier.smtp.connection_uri"] = sink.ConnectionUri,
            ["courier.worker.pull_count"] = "7",
            ["courier.worker.pull_wait"] = "1h",
        };
        await using var nodeA = await TesseraTestServer.StartAsync(kind, settings);
        await using var nodeB = await TesseraTestServer.StartAsync(kind, settings, dsn: nodeA.Dsn);
        var outbox = nodeA.Services.GetRequiredService<CourierOutbox>();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < MessageCount; i++)
        {
            ids.Add(await outbox.QueueEmailAsync(CourierTemplateType.VerificationCodeValid, $"race-{i}@example.com", new { VerificationCode = $"{i:D6}" }));
        }

        var stopwatch = Stopwatch.StartNew();
        var claimedBy = await Task.WhenAll(DrainAsync(nodeA), DrainAsync(nodeB), DrainAsync(nodeA), DrainAsync(nodeB));
        stopwatch.Stop();

        var received = await sink.WaitForCountAsync(MessageCount);
        await Task.Delay(200);   // a duplicate would arrive late
        received = sink.Messages;
        received.Count.ShouldBe(MessageCount);
        received.Select(m => m.CourierMessageId!.Value).ToHashSet().ShouldBe(ids, ignoreOrder: true);
        claimedBy.Sum().ShouldBe(MessageCount);
        claimedBy.Count(n => n > 0).ShouldBeGreaterThanOrEqualTo(2);   // they really raced
        using var sent = JsonDocument.Parse(await nodeB.Admin.GetStringAsync("/admin/courier/messages?status=sent&page_size=1000"));
        sent.RootElement.GetArrayLength().ShouldBe(MessageCount);
        sent.RootElement.EnumerateArray().ShouldAllBe(m => m.GetProperty("send_count").GetInt32() == 1);
        output.WriteLine($"{kind}: {MessageCount} messages over SMTP by 4 pollers on 2 nodes in {stopwatch.ElapsedMilliseconds} ms; claimed {string.Join('/', claimedBy)}");
    }

    // Polls one node's dispatcher until the outbox is empty; several of these run at once, on both nodes.
    private static async Task<int> DrainAsync(TesseraTestServer node)
    {
        await Task.Yield();
        var dispatcher = node.Services.GetRequiredService<CourierDispatcher>();
        var total = 0;
        while (await dispatcher.ProcessBatchAsync() is var claimed and > 0)
        {
            total += claimed;
        }

        return total;
    }
}

public sealed class SqliteCourierConcurrencyTests(ITestOutputHelper output) : CourierConcurrencyTests(DatabaseKind.Sqlite, output);

public sealed class PostgresCourierConcurrencyTests(ITestOutputHelper output) : CourierConcurrencyTests(DatabaseKind.Postgres, output);
