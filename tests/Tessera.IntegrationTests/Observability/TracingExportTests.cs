// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Observability;

/// <summary>
/// <c>tracing.provider: otel</c> exports the server's spans over OTLP/HTTP to <c>providers.otlp.server_url</c> (a
/// collector on loopback here); without it nothing is exported.
/// </summary>
public sealed class TracingExportTests
{
    [Fact]
    public async Task OtelProvider_ExportsRequestSpans_OverOtlpHttp()
    {
        await using var collector = await WebHookReceiver.StartAsync();
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["tracing.provider"] = "otel",
            ["tracing.service_name"] = "tessera-under-test",
            ["tracing.providers.otlp.server_url"] = collector.BaseUrl.Authority,
            ["tracing.providers.otlp.insecure"] = "true",
        });

        using (await server.Public.GetAsync("/health/alive"))
        {
        }

        // The exporter sends in batches (every 5 s by default).
        var export = await collector.WaitForAsync("/v1/traces", string.Empty, TimeSpan.FromSeconds(30));
        export.Method.ShouldBe("POST");
        export.Headers["Content-Type"].ShouldBe("application/x-protobuf");
        export.Body.ShouldContain("tessera-under-test");
    }

    [Fact]
    public async Task WithoutAProvider_NothingIsExported()
    {
        await using var collector = await WebHookReceiver.StartAsync();
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["tracing.providers.otlp.server_url"] = collector.BaseUrl.Authority,
            ["tracing.providers.otlp.insecure"] = "true",
        });

        using (await server.Public.GetAsync("/health/alive"))
        {
        }

        await Task.Delay(TimeSpan.FromSeconds(7));
        collector.ReceivedFor("/v1/traces", string.Empty).ShouldBeEmpty();
    }
}
