// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Courier;

/// <summary>Issue 23: a channel body written in Jsonnet (Kratos's form) stops <c>tessera serve</c> with one line saying so.</summary>
public sealed class SmsChannelStartupTests
{
    [Fact]
    public async Task Serve_AJsonnetChannelBody_ExitsWith1SayingTesseraHasNoJsonnet()
    {
        var jsonnet = Convert.ToBase64String(Encoding.UTF8.GetBytes("function(ctx) {\n  to: ctx.recipient,\n  text: ctx.body\n}\n"));
        var file = Path.Combine(Directory.CreateTempSubdirectory("tessera-sms-").FullName, "tessera.yml");
        await File.WriteAllTextAsync(file, $"""
            dsn: memory
            courier:
              channels:
                - id: sms
                  type: http
                  request_config:
                    url: http://127.0.0.1:9/sms
                    body: base64://{jsonnet}
            """);

        var (exit, _, stderr) = await TesseraProcess.RunAsync(["serve", "--config", file]);

        exit.ShouldBe(1);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, stderr);
        lines[0].ShouldContain("courier.channels.0.request_config.body");
        lines[0].ShouldContain("Jsonnet");
    }
}
