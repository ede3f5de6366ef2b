// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Courier;

/// <summary>
/// Issue 23: a channel body written in Jsonnet (Kratos's form, as in Kratos's phone-password quickstart) does not stop
/// the server: the gateway gets Kratos's default fields, and start-up warns once, naming the key and what to write.
/// </summary>
public sealed class SmsChannelStartupTests
{
    private const int NoticeEvent = 102;

    [Fact]
    public async Task Start_AJsonnetChannelBody_WarnsNamingTheKey_AndServes()
    {
        var jsonnet = Convert.ToBase64String(Encoding.UTF8.GetBytes("function(ctx) {\n  to: ctx.recipient,\n  text: ctx.body\n}\n"));
        var logs = new LogCapture();
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["courier.channels"] = "[{\"id\": \"sms\", \"type\": \"http\", \"request_config\": {\"url\": \"http://127.0.0.1:9/sms\", \"body\": \"base64://" + jsonnet + "\"}}]",
        }, logs: logs);

        var notice = logs.Entries.Where(e => e.EventId == NoticeEvent).ShouldHaveSingleItem();
        notice.Message.ShouldContain("courier.channels.0.request_config.body");
        notice.Message.ShouldContain("Jsonnet");
        using var ready = await server.Public.GetAsync("/health/ready");
        ready.IsSuccessStatusCode.ShouldBeTrue();
    }
}
