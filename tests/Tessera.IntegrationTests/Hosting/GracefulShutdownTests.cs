// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting;

/// <summary>
/// <c>tessera serve</c> as a real process receives SIGTERM (a rolling deploy) while 30 password logins queue behind
/// the hashing gate: every one gets its complete answer and the process exits 0.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const string Password = "a long enough passphrase 42";
    private const int InFlight = 30;

    [Fact]
    public async Task Serve_SigtermWithLoginsInFlight_AnswersEveryRequestAndExitsZero()
    {
        var folder = Directory.CreateTempSubdirectory("tessera-shutdown-").FullName;
        try
        {
            // bcrypt cost 12 takes ~250 ms a verification and two run at a time: 30 logins need several seconds.
            var config = Path.Combine(folder, "tessera.yml");
            await File.WriteAllTextAsync(config, "hashers:\n  algorithm: bcrypt\nrate_limits:\n  enabled: false\nserve:\n  shutdown_timeout: 60s\n");
            var publicPort = FreePort.Next();
            var adminPort = FreePort.Next();
            await using var server = TesseraProcess.Start(["serve", "--config", config], new Dictionary<string, string>
            {
                ["DSN"] = $"sqlite://{Path.Combine(folder, "tessera.db")}",
                ["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, folder);
            var publicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
            (await server.WaitUntilReadyAsync(new Uri(publicUrl, "health/ready"), TimeSpan.FromSeconds(60))).ShouldBeTrue(server.StandardError + server.StandardOutput);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = InFlight * 2, UseCookies = false })
            {
                BaseAddress = publicUrl,
                Timeout = TimeSpan.FromSeconds(90),
            };
            using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/") };
            var email = $"drain-{Guid.NewGuid():N}@example.com";
            using (var created = await admin.PostAsJsonAsync("/admin/identities", new { traits = new { email }, credentials = new { password = new { config = new { password = Password } } } }))
            {
                created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            }

            var flows = new List<string>();
            for (var i = 0; i < InFlight; i++)
            {
                using var flow = await client.GetAsync("/self-service/login/api");
                flows.Add(JsonDocument.Parse(await flow.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
            }

            var logins = flows.Select(async flow =>
            {
                try
                {
                    using var response = await client.PostAsJsonAsync($"/self-service/login?flow={flow}", new { method = "password", identifier = email, password = Password });
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    return (StatusCode: response.StatusCode, HasToken: body.RootElement.TryGetProperty("session_token", out _), Error: (string?)null);
                }
                catch (HttpRequestException e)
                {
                    return (StatusCode: (HttpStatusCode)0, HasToken: false, Error: e.Message);
                }
            }).ToList();

            await Task.Delay(TimeSpan.FromSeconds(1)); // Let every login reach the server and queue.
            await server.SignalAsync("TERM");
            var stopwatch = Stopwatch.StartNew();
            var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(90));
            var results = await Task.WhenAll(logins);

            results.Where(r => r.Error is not null).Select(r => r.Error).ShouldBeEmpty("requests in flight lost their answer");
            results.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK && r.HasToken);
            exit.ShouldBe(0, server.StandardError + server.StandardOutput);
            stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
            (server.StandardOutput + server.StandardError).ShouldNotContain("crit:");
            (server.StandardOutput + server.StandardError).ShouldNotContain("fail:");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
