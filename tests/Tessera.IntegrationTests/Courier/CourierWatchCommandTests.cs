// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Courier;

public sealed class CourierWatchCommandTests
{
    [Fact]
    public async Task CourierWatch_DeliversWhatAnotherNodeQueued()
    {
        await using var sink = SmtpSink.Start();
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        var to = $"watch-{Guid.NewGuid():N}@example.com";
        await using (var api = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["courier.worker.pull_wait"] = "1h" }, dsn: dsn))
        {
            await api.Services.GetRequiredService<CourierOutbox>().QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, to, new { RecoveryCode = "271828" });
        }

        await using var watch = TesseraProcess.Start(["courier", "watch"], new Dictionary<string, string>
        {
            ["DSN"] = dsn, ["COURIER_SMTP_CONNECTION_URI"] = sink.ConnectionUri, ["COURIER_WORKER_PULL_WAIT"] = "100ms",
        });

        var mail = await sink.WaitForMessageAsync(to, TimeSpan.FromSeconds(30));
        mail.TextBody.ShouldContain("271828");
    }

    [Fact]
    public async Task CourierWatch_WithUnknownScheme_FailsWithOneLineNamingTheKey()
    {
        var (exit, _, stderr) = await TesseraProcess.RunAsync(["courier", "watch"], new Dictionary<string, string>
        {
            ["DSN"] = "memory", ["COURIER_SMTP_CONNECTION_URI"] = "smtpx://user:secret@127.0.0.1:465/",
        });

        exit.ShouldBe(1);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldContain("courier.smtp.connection_uri");
        stderr.ShouldContain("smtpx://");
        stderr.ShouldNotContain("secret");
    }
}
