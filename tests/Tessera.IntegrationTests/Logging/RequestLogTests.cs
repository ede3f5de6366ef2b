// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Logging;

/// <summary>The request log of <c>tessera serve</c> at its default level: one line per request, off with <c>log.requests: false</c>.</summary>
public sealed class RequestLogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_AtInfo_LogsOneLinePerRequest_WithoutTheQueryString()
    {
        var (lines, requestId) = await ServeAndRequestAsync(new Dictionary<string, string>());

        var line = lines.Single(l => l.Contains(requestId, StringComparison.Ordinal));
        line.ShouldContain("GET /self-service/login/api 200 ");
        line.ShouldContain(" ms ");
        line.ShouldNotContain("token=");
        line.ShouldNotContain("secret-value");
    }

    [Fact]
    public async Task Serve_WithLogRequestsFalse_LogsNoRequestLine()
    {
        var (lines, requestId) = await ServeAndRequestAsync(new Dictionary<string, string> { ["LOG_REQUESTS"] = "false" });

        lines.ShouldNotContain(l => l.Contains(requestId, StringComparison.Ordinal) || l.Contains("/self-service/login/api", StringComparison.Ordinal));
    }

    private static async Task<(string[] Lines, string RequestId)> ServeAndRequestAsync(Dictionary<string, string> environment)
    {
        int publicPort = FreePort.Next(), adminPort = FreePort.Next();
        environment["DSN"] = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        environment["SERVE_PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture);
        environment["SERVE_ADMIN_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture);
        await using var server = TesseraProcess.Start(["serve"], environment);
        (await server.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{publicPort}/health/ready"), Timeout)).ShouldBeTrue(server.StandardError);

        var requestId = "log-test-" + Guid.NewGuid().ToString("N");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/api?token=secret-value");
        request.Headers.Add("X-Request-Id", requestId);
        using var response = await client.SendAsync(request);
        ((int)response.StatusCode).ShouldBeLessThan(500);

        // A request after ours: once its line is out (or, with logging off, once it has been answered), ours would be too.
        using var marker = await client.GetAsync("/health/alive");
        await Task.Delay(500);
        return (server.StandardOutput.Split('\n'), requestId);
    }
}
