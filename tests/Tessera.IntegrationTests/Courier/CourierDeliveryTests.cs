// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Courier;

/// <summary>
/// Queue -> worker -> SMTP, over a real SMTP conversation with <see cref="SmtpSink"/>. The hosted worker is parked
/// (<c>pull_wait: 1h</c>) and the tests run its poll step themselves, moving the fake clock for back-off.
/// </summary>
public abstract class CourierDeliveryTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly SmtpSink _sink = SmtpSink.Start();
    private readonly LogCapture _logs = new();
    private TesseraTestServer _server = null!;

    public async Task InitializeAsync() => _server = await StartAsync(new Dictionary<string, string>
    {
        ["courier.smtp.connection_uri"] = _sink.ConnectionUri,
        ["courier.smtp.from_address"] = "accounts@example.org",
        ["courier.smtp.from_name"] = "Example Accounts",
        ["courier.smtp.headers"] = """{"X-SES-SOURCE-ARN":"arn:test"}""",
        ["courier.message_retries"] = "2",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sink.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task Queue_ThenPoll_DeliversTheRenderedMessage_AndTheAdminApiShowsItSent()
    {
        var to = NewAddress();

        var id = await Outbox.QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, to, new { RecoveryCode = "493817" });
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);

        var mail = await _sink.WaitForMessageAsync(to);
        mail.Subject.ShouldBe("Recover access to your account");
        mail.TextBody.ShouldContain("493817");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("<strong>493817</strong>");
        mail.From.ShouldBe("accounts@example.org");
        mail.Headers["From"].ShouldContain("Example Accounts");
        mail.Headers["X-SES-SOURCE-ARN"].ShouldBe("arn:test");
        mail.CourierMessageId.ShouldBe(id);

        using var message = await GetMessageAsync(id);
        message.RootElement.GetProperty("status").GetString().ShouldBe("sent");
        message.RootElement.GetProperty("type").GetString().ShouldBe("email");
        message.RootElement.GetProperty("recipient").GetString().ShouldBe(to);
        message.RootElement.GetProperty("template_type").GetString().ShouldBe("recovery_code_valid");
        message.RootElement.GetProperty("subject").GetString().ShouldBe("Recover access to your account");
        message.RootElement.GetProperty("body").GetString().ShouldNotBeNull().ShouldContain("493817");
        message.RootElement.GetProperty("send_count").GetInt32().ShouldBe(1);
        message.RootElement.GetProperty("dispatches")[0].GetProperty("status").GetString().ShouldBe("success");
        message.RootElement.TryGetProperty("template_data", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task SmtpRefusing_RetriesWithBackoff_ThenAbandonsAfterMessageRetries()
    {
        _sink.Refuse("451 4.3.0 Mailbox busy, try again later");
        var id = await Outbox.QueueEmailAsync(CourierTemplateType.VerificationCodeValid, NewAddress(), new { VerificationCode = "111222" });

        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(0);          // not due for 1s
        _server.Clock.Advance(TimeSpan.FromMilliseconds(999));
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(0);
        _server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);          // retry 1 after 1s
        await StatusShouldBe(id, "queued", 2);
        _server.Clock.Advance(TimeSpan.FromSeconds(1));
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(0);          // retry 2 waits 2s
        _server.Clock.Advance(TimeSpan.FromSeconds(1));
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);

        using var message = await StatusShouldBe(id, "abandoned", 3);
        var dispatches = message.RootElement.GetProperty("dispatches").EnumerateArray().ToList();
        dispatches.Count.ShouldBe(3);
        dispatches.ShouldAllBe(d => d.GetProperty("status").GetString() == "failed");
        dispatches[0].GetProperty("error").GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("Mailbox busy");
        dispatches[0].GetProperty("error").GetProperty("id").GetString().ShouldBe("courier_response_invalid");
        dispatches[2].GetProperty("error").GetProperty("id").GetString().ShouldBe("courier_send_failed");
        dispatches[2].GetProperty("error").GetProperty("cause").GetString().ShouldBe("courier_response_invalid");
        _sink.Refused.ShouldBe(3);
        var logged = _logs.Entries.Where(e => e.Category == typeof(CourierDispatcher).FullName && e.Message.Contains(id.ToString(), StringComparison.Ordinal)).ToList();
        logged.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("courier_response_invalid", StringComparison.Ordinal)).ShouldBe(2);
        logged.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains("courier_send_failed caused by courier_response_invalid", StringComparison.Ordinal));
        _sink.Messages.ShouldBeEmpty();

        _sink.Accept();
        _server.Clock.Advance(TimeSpan.FromHours(1));
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(0);          // abandoned stays abandoned
    }

    [Fact]
    public async Task SmtpServerDown_FailsOver_AndDeliversOnceItIsBack()
    {
        var to = NewAddress();
        await _sink.StopAsync();
        var id = await Outbox.QueueEmailAsync(CourierTemplateType.LoginCodeValid, to, new { LoginCode = "777888" });

        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);
        using (var failed = await StatusShouldBe(id, "queued", 1))
        {
            var error = failed.RootElement.GetProperty("dispatches")[0].GetProperty("error");
            error.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
            error.GetProperty("id").GetString().ShouldBe("courier_connection_failed");
        }

        _logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains(id.ToString(), StringComparison.Ordinal) && e.Message.Contains("courier_connection_failed", StringComparison.Ordinal));

        _sink.Restart();
        _server.Clock.Advance(TimeSpan.FromSeconds(1));
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);

        (await _sink.WaitForMessageAsync(to)).TextBody.ShouldContain("777888");
        (await StatusShouldBe(id, "sent", 2)).Dispose();
    }

    [Fact]
    public async Task StaleClaim_OfACrashedWorker_IsReclaimedAfterTheLease()
    {
        var to = NewAddress();
        var id = await Outbox.QueueEmailAsync(CourierTemplateType.RecoveryCodeInvalid, to, new { });
        var store = _server.Services.GetRequiredService<CourierStore>();
        var options = _server.Services.GetRequiredService<CourierOptions>();
        (await store.ClaimAsync(Guid.NewGuid(), 10, options.ClaimLease)).Single().Id.ShouldBe(id);   // then "crashes"

        (await Dispatcher.ProcessBatchAsync()).ShouldBe(0);
        _server.Clock.Advance(options.ClaimLease);
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);

        (await _sink.WaitForMessageAsync(to)).Subject.ShouldBe("Account access attempted");
    }

    [Fact]
    public async Task TemplateOverrideFolder_ReplacesSubjectAndBodies_OtherFilesFallBack()
    {
        var folder = Directory.CreateTempSubdirectory("tessera-templates-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "recovery_code", "valid"));
        await File.WriteAllTextAsync(Path.Combine(folder, "recovery_code", "valid", "email.subject.gotmpl"), "Your code for {{To}}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "recovery_code", "valid", "email.body.plaintext.gotmpl"), "Code: {{RecoveryCode}} & {{Name}}");
        await File.WriteAllTextAsync(Path.Combine(folder, "recovery_code", "valid", "email.body.gotmpl"), "<b>{{RecoveryCode}}</b> {{Name}}");
        await using var sink = SmtpSink.Start();
        await using var server = await StartAsync(new Dictionary<string, string>
        {
            ["courier.smtp.connection_uri"] = sink.ConnectionUri, ["courier.template_override_path"] = folder,
        });
        var to = NewAddress();
        var other = NewAddress();
        var outbox = server.Services.GetRequiredService<CourierOutbox>();

        await outbox.QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, to, new { RecoveryCode = "246810", Name = "Tom & Jerry" });
        await outbox.QueueEmailAsync(CourierTemplateType.VerificationCodeValid, other, new { VerificationCode = "135791" });
        await server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();

        var mail = await sink.WaitForMessageAsync(to);
        mail.Subject.ShouldBe($"Your code for {to}");
        mail.TextBody.ShouldBe("Code: 246810 & Tom & Jerry");
        mail.HtmlBody.ShouldBe("<b>246810</b> Tom &amp; Jerry");
        (await sink.WaitForMessageAsync(other)).Subject.ShouldBe("Please verify your e-mail address");
    }

    [Fact]
    public async Task ZeroConfiguration_DeliversToTheLog_MarksItLoggedNotSent_AndKeepsTheMessage()
    {
        await using var server = await StartAsync(new Dictionary<string, string>());
        var to = NewAddress();
        var id = await server.Services.GetRequiredService<CourierOutbox>()
            .QueueEmailAsync(CourierTemplateType.RegistrationCodeValid, to, new { RegistrationCode = "909090" });

        (await server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync()).ShouldBe(1);

        using var response = await server.Admin.GetAsync($"/admin/courier/messages/{id}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("logged");
        body.RootElement.GetProperty("body").GetString().ShouldNotBeNull().ShouldContain("909090");
        body.RootElement.GetProperty("dispatches")[0].GetProperty("status").GetString().ShouldBe("success");
        var recipient = Uri.EscapeDataString(to);
        (await ListIdsAsync(server, $"?status=logged&recipient={recipient}")).ShouldBe([id]);
        (await ListIdsAsync(server, $"?status=sent&recipient={recipient}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task HostedWorker_DeliversWithoutBeingAsked()
    {
        await using var sink = SmtpSink.Start();
        await using var server = await StartAsync(new Dictionary<string, string>
        {
            ["courier.smtp.connection_uri"] = sink.ConnectionUri, ["courier.worker.pull_wait"] = "50ms",
        });
        var to = NewAddress();

        await server.Services.GetRequiredService<CourierOutbox>().QueueEmailAsync(CourierTemplateType.LoginCodeValid, to, new { LoginCode = "314159" });

        (await sink.WaitForMessageAsync(to, TimeSpan.FromSeconds(10))).TextBody.ShouldContain("314159");
    }

    [Fact]
    public async Task Queue_WithoutTheTemplatesCode_OrABadAddress_Throws()
    {
        await Should.ThrowAsync<ArgumentException>(() => Outbox.QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, NewAddress(), new { }));
        await Should.ThrowAsync<ArgumentException>(() => Outbox.QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, "a@b.c, d@e.f", new { RecoveryCode = "1" }));
    }

    private CourierOutbox Outbox => _server.Services.GetRequiredService<CourierOutbox>();

    private CourierDispatcher Dispatcher => _server.Services.GetRequiredService<CourierDispatcher>();

    private static string NewAddress() => $"user-{Guid.NewGuid():N}@example.com";

    private Task<TesseraTestServer> StartAsync(Dictionary<string, string> settings)
    {
        settings.TryAdd("courier.worker.pull_wait", "1h");
        return TesseraTestServer.StartAsync(kind, settings, logs: _logs);
    }

    private static async Task<List<Guid>> ListIdsAsync(TesseraTestServer server, string query)
    {
        using var response = await server.Admin.GetAsync($"/admin/courier/messages{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return list.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
    }

    private async Task<JsonDocument> GetMessageAsync(Guid id)
    {
        using var response = await _server.Admin.GetAsync($"/admin/courier/messages/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> StatusShouldBe(Guid id, string status, int sendCount)
    {
        var message = await GetMessageAsync(id);
        message.RootElement.GetProperty("status").GetString().ShouldBe(status);
        message.RootElement.GetProperty("send_count").GetInt32().ShouldBe(sendCount);
        return message;
    }
}

public sealed class SqliteCourierDeliveryTests() : CourierDeliveryTests(DatabaseKind.Sqlite);

public sealed class PostgresCourierDeliveryTests() : CourierDeliveryTests(DatabaseKind.Postgres);
