// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Courier;

/// <summary>
/// Issue 23: a text message goes out through <c>courier.channels</c>' http channel to a fake gateway on loopback, with
/// the same outbox, statuses, retries and admin API as e-mail. The hosted worker is parked (<c>pull_wait: 1h</c>);
/// tests run its poll step themselves and move the fake clock for back-off.
/// </summary>
public abstract class SmsChannelTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string Body = """{"to": "{{recipient}}", "text": "{{body}}", "code": {{json template_data.verification_code}}, "kind": "{{message_type}}"}""";
    private WebHookReceiver _gateway = null!;
    private TesseraTestServer _server = null!;

    private CourierOutbox Outbox => _server.Services.GetRequiredService<CourierOutbox>();

    private CourierDispatcher Dispatcher => _server.Services.GetRequiredService<CourierDispatcher>();

    public async Task InitializeAsync()
    {
        _gateway = await WebHookReceiver.StartAsync();
        _server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["courier.worker.pull_wait"] = "1h",
            ["courier.message_retries"] = "2",
            ["courier.channels"] = ChannelsJson(_gateway, Body),
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    /// <summary>A <c>courier.channels</c> value: the sms channel at <paramref name="gateway"/>, with basic auth and a header.</summary>
    public static string ChannelsJson(WebHookReceiver gateway, string? body = null) => JsonSerializer.Serialize(new[]
    {
        new Dictionary<string, object>
        {
            ["id"] = "sms",
            ["type"] = "http",
            ["request_config"] = new Dictionary<string, object?>
            {
                ["url"] = gateway.Url,
                ["method"] = "POST",
                ["headers"] = new Dictionary<string, string> { ["X-Gateway-Account"] = "tessera-tests" },
                ["auth"] = new { type = "basic_auth", config = new { user = "gateway-user", password = "gateway-secret" } },
                ["body"] = body is null ? null : "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(body)),
            }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        },
    });

    [Fact]
    public async Task QueueSms_ThenPoll_PostsTheTemplatedBodyWithAuth_AndTheAdminApiShowsAPhoneMessageSent()
    {
        var (written, e164) = NewNumber();

        var id = await Outbox.QueueSmsAsync(CourierTemplateType.VerificationCodeValid, written, new { VerificationCode = "482913" });
        (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);

        var request = await _gateway.WaitForAsync(e164);
        request.Method.ShouldBe("POST");
        request.Headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("gateway-user:gateway-secret")));
        request.Headers["X-Gateway-Account"].ShouldBe("tessera-tests");
        using (var body = JsonDocument.Parse(request.Body))
        {
            body.RootElement.GetProperty("to").GetString().ShouldBe(e164);
            body.RootElement.GetProperty("text").GetString().ShouldBe("Your verification code is: 482913");
            body.RootElement.GetProperty("code").GetString().ShouldBe("482913");
            body.RootElement.GetProperty("kind").GetString().ShouldBe("phone");
        }

        using var message = await GetMessageAsync(id);
        message.RootElement.GetProperty("type").GetString().ShouldBe("phone");
        message.RootElement.GetProperty("channel").GetString().ShouldBe("sms");
        message.RootElement.GetProperty("status").GetString().ShouldBe("sent");
        message.RootElement.GetProperty("recipient").GetString().ShouldBe(e164);
        message.RootElement.GetProperty("template_type").GetString().ShouldBe("verification_code_valid");
        message.RootElement.GetProperty("dispatches")[0].GetProperty("status").GetString().ShouldBe("success");
    }

    [Fact]
    public async Task GatewayRefusing_RetriesWithBackoff_ThenAbandonsAfterMessageRetries()
    {
        var (written, e164) = NewNumber();
        _gateway.AnswerWith(401);
        try
        {
            var id = await Outbox.QueueSmsAsync(CourierTemplateType.LoginCodeValid, written, new { LoginCode = "111222" });

            (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);
            (await StatusAsync(id)).ShouldBe(("queued", 1));
            (await Dispatcher.ProcessBatchAsync()).ShouldBe(0);      // not due for 1s
            _server.Clock.Advance(TimeSpan.FromSeconds(1));
            (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);
            _server.Clock.Advance(TimeSpan.FromSeconds(2));
            (await Dispatcher.ProcessBatchAsync()).ShouldBe(1);

            (await StatusAsync(id)).ShouldBe(("abandoned", 3));
            _gateway.ReceivedFor(e164).Count.ShouldBe(3);
            using var message = await GetMessageAsync(id);
            var error = message.RootElement.GetProperty("dispatches")[0].GetProperty("error").GetProperty("message").GetString();
            error.ShouldNotBeNull().ShouldContain("401");
            error.ShouldNotContain("gateway-secret");
        }
        finally
        {
            _gateway.AnswerWith(200);
        }
    }

    [Fact]
    public async Task WithoutABodyTemplate_TheGatewayGetsKratossDefaultFields()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["courier.worker.pull_wait"] = "1h", ["courier.channels"] = ChannelsJson(_gateway),
        });
        var (written, e164) = NewNumber();

        await server.Services.GetRequiredService<CourierOutbox>().QueueSmsAsync(CourierTemplateType.LoginCodeValid, written, new { LoginCode = "700100" });
        await server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();

        using var body = JsonDocument.Parse((await _gateway.WaitForAsync(e164)).Body);
        body.RootElement.GetProperty("recipient").GetString().ShouldBe(e164);
        body.RootElement.GetProperty("to").GetString().ShouldBe(e164);
        body.RootElement.GetProperty("template_type").GetString().ShouldBe("login_code_valid");
        body.RootElement.GetProperty("login_code").GetString().ShouldBe("700100");
        body.RootElement.GetProperty("body").GetString().ShouldBe("Your login code is: 700100");
        body.RootElement.GetProperty("verification_code").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task WithoutAChannel_TextMessagesGoToTheLog_MarkedLogged()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["courier.worker.pull_wait"] = "1h" });
        var (written, e164) = NewNumber();

        var id = await server.Services.GetRequiredService<CourierOutbox>().QueueSmsAsync(CourierTemplateType.VerificationCodeValid, written, new { VerificationCode = "123123" });
        (await server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync()).ShouldBe(1);

        using var response = await server.Admin.GetAsync($"/admin/courier/messages/{id}");
        using var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        message.RootElement.GetProperty("status").GetString().ShouldBe("logged");
        message.RootElement.GetProperty("channel").GetString().ShouldBe("sms");
        _gateway.ReceivedFor(e164).ShouldBeEmpty();
    }

    [Fact]
    public async Task QueueSms_ToSomethingThatIsNotAnInternationalNumber_Throws()
    {
        await Should.ThrowAsync<ArgumentException>(() => Outbox.QueueSmsAsync(CourierTemplateType.VerificationCodeValid, "0170 1234567", new { VerificationCode = "1" }));
        await Should.ThrowAsync<ArgumentException>(() => Outbox.QueueSmsAsync(CourierTemplateType.VerificationCodeValid, "ann@example.com", new { VerificationCode = "1" }));
    }

    /// <summary>A fresh valid German mobile number, as a person writes it and in E.164.</summary>
    public static (string Written, string E164) NewNumber()
    {
        var digits = System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ($"+49 170 {digits}", $"+49170{digits}");
    }

    private async Task<JsonDocument> GetMessageAsync(Guid id)
    {
        using var response = await _server.Admin.GetAsync($"/admin/courier/messages/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<(string Status, int SendCount)> StatusAsync(Guid id)
    {
        using var message = await GetMessageAsync(id);
        return (message.RootElement.GetProperty("status").GetString()!, message.RootElement.GetProperty("send_count").GetInt32());
    }
}

public sealed class SqliteSmsChannelTests() : SmsChannelTests(DatabaseKind.Sqlite);

public sealed class PostgresSmsChannelTests() : SmsChannelTests(DatabaseKind.Postgres);
