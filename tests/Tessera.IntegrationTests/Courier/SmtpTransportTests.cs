// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Courier;

/// <summary>
/// The courier's SMTP transport as Kratos's connection URIs ask for it: <c>smtps://</c> (implicit TLS), <c>smtp://</c>
/// with mandatory STARTTLS, <c>skip_ssl_verify</c>, <c>disable_starttls</c>, and AUTH from the URI's user info, against
/// <see cref="SmtpSink"/> with a self-signed certificate made for the run. The transport does not depend on the
/// database: SQLite only.
/// </summary>
public sealed class SmtpTransportTests
{
    private static readonly (string, string) Account = ("mailer", "s3cret:pass");

    [Fact]
    public async Task Smtps_WithUserInfo_DeliversOverImplicitTlsAndAuthenticates()
    {
        await using var sink = SmtpSink.Start(SmtpSinkTls.Implicit, Account);
        sink.ConnectionUri.ShouldStartWith("smtps://");

        var (to, status) = await DeliverOneAsync(sink.ConnectionUri);

        status.ShouldBe("sent");
        (await sink.WaitForMessageAsync(to)).TextBody.ShouldContain("271828");
        sink.EncryptedDeliveries.ShouldBe([true]);
        sink.AuthenticatedUsers.ShouldBe(["mailer"]);
    }

    [Fact]
    public async Task Smtp_WithStartTls_UpgradesBeforeSendingAndAuthenticates()
    {
        await using var sink = SmtpSink.Start(SmtpSinkTls.StartTls, Account);

        var (to, status) = await DeliverOneAsync(sink.ConnectionUri);

        status.ShouldBe("sent");
        (await sink.WaitForMessageAsync(to)).TextBody.ShouldContain("271828");
        sink.EncryptedDeliveries.ShouldBe([true]);
        sink.AuthenticatedUsers.ShouldBe(["mailer"]);
    }

    [Fact]
    public async Task Smtp_ServerWithoutStartTls_IsNotUsedUnlessDisableStartTls()
    {
        await using var sink = SmtpSink.Start();

        var (_, refusedStatus) = await DeliverOneAsync($"smtp://127.0.0.1:{sink.Port}/");
        var (to, status) = await DeliverOneAsync($"smtp://127.0.0.1:{sink.Port}/?disable_starttls=true");

        refusedStatus.ShouldBe("queued");
        status.ShouldBe("sent");
        sink.Messages.ShouldHaveSingleItem().IsFor(to).ShouldBeTrue();
    }

    [Theory]
    [InlineData(SmtpSinkTls.Implicit)]
    [InlineData(SmtpSinkTls.StartTls)]
    public async Task SelfSignedCertificate_WithoutSkipSslVerify_IsRefused(SmtpSinkTls tls)
    {
        await using var sink = SmtpSink.Start(tls);

        var (_, status) = await DeliverOneAsync(sink.ConnectionUri.Replace("?skip_ssl_verify=true", string.Empty, StringComparison.Ordinal));

        status.ShouldBe("queued");
        sink.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task WrongPassword_IsNotDelivered()
    {
        await using var sink = SmtpSink.Start(SmtpSinkTls.Implicit, Account);

        var (_, status) = await DeliverOneAsync($"smtps://mailer:wrong@127.0.0.1:{sink.Port}/?skip_ssl_verify=true");

        status.ShouldBe("queued");
        sink.FailedAuthentications.ShouldBeGreaterThan(0);
        sink.AuthenticatedUsers.ShouldBeEmpty();
        sink.Messages.ShouldBeEmpty();
    }

    /// <summary>Queues one message, runs one poll of the (parked) worker, and returns the message's status.</summary>
    private static async Task<(string To, string Status)> DeliverOneAsync(string connectionUri)
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["courier.smtp.connection_uri"] = connectionUri,
            ["courier.worker.pull_wait"] = "1h",
        });
        var to = $"user-{Guid.NewGuid():N}@example.com";
        var id = await server.Services.GetRequiredService<CourierOutbox>()
            .QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, to, new { RecoveryCode = "271828" });

        (await server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync()).ShouldBe(1);

        using var response = await server.Admin.GetAsync($"/admin/courier/messages/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (to, message.RootElement.GetProperty("status").GetString()!);
    }
}
