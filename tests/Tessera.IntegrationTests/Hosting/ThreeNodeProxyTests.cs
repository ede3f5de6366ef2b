// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;
using Xunit.Abstractions;
using Yarp.ReverseProxy.Model;

namespace Tessera.IntegrationTests.Hosting;

/// <summary>
/// Issue 18, faults to survive: three <c>tessera serve</c> processes on one PostgreSQL database behind a real reverse
/// proxy (YARP, round-robin, active health checks) on loopback. The node that created a browser's recovery flow is
/// killed with SIGKILL in the middle of it; the flow completes through the other two, the session works on each of
/// them, the code e-mail went out once although all three couriers polled the outbox, and a login limit is one
/// limit across the survivors.
/// </summary>
public sealed class ThreeNodeProxyTests(ITestOutputHelper output)
{
    private const string Password = "the original passphrase 1";
    private const int LoginFailureLimit = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task ThreeNodes_NodeKilledMidRecoveryFlow_FlowCompletesOnOthers_SessionsMailAndLimitsStayCorrect()
    {
        var stopwatch = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("tessera-threenode-").FullName;
        var nodes = new Dictionary<string, (TesseraProcess Process, Uri Public, Uri Admin)>();
        await using var sink = SmtpSink.Start();
        LoopbackProxy? proxy = null;
        try
        {
            var dsn = await TestDatabases.CreateAsync(DatabaseKind.Postgres);
            output.WriteLine($"database: {stopwatch.Elapsed.TotalSeconds:F1} s");
            var proxyPort = FreePort.Next();
            var config = Path.Combine(folder, "tessera.yml");
            await File.WriteAllTextAsync(config, Config(proxyPort, sink));
            var migrated = await TesseraProcess.RunAsync(["migrate", "sql", "-e", "--yes"], new Dictionary<string, string> { ["DSN"] = dsn });
            migrated.ExitCode.ShouldBe(0, migrated.StandardError);

            foreach (var id in new[] { "node-a", "node-b", "node-c" })
            {
                int publicPort = FreePort.Next(), adminPort = FreePort.Next();
                var process = TesseraProcess.Start(["serve", "--config", config], new Dictionary<string, string>
                {
                    ["DSN"] = dsn,
                    ["SERVE_PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture),
                    ["SERVE_ADMIN_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture),
                }, folder);
                nodes[id] = (process, new Uri($"http://127.0.0.1:{publicPort}/"), new Uri($"http://127.0.0.1:{adminPort}/"));
            }

            output.WriteLine($"started: {stopwatch.Elapsed.TotalSeconds:F1} s");
            foreach (var (id, node) in nodes)
            {
                (await node.Process.WaitUntilReadyAsync(new Uri(node.Public, "health/ready"), StartTimeout)).ShouldBeTrue($"{id}: {node.Process.StandardError}");
            }

            output.WriteLine($"ready: {stopwatch.Elapsed.TotalSeconds:F1} s");
            proxy = await LoopbackProxy.StartAsync(proxyPort, nodes.ToDictionary(n => n.Key, n => n.Value.Public));
            var email = $"threenode-{Guid.NewGuid():N}@example.com";
            using (var admin = new HttpClient { BaseAddress = nodes["node-a"].Admin })
            using (var created = await admin.PostAsJsonAsync("/admin/identities", new { traits = new { email }, credentials = new { password = new { config = new { password = Password } } } }))
            {
                created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            }

            // The browser starts recovery through the proxy and asks for the code: the message is queued while all
            // three couriers poll the one outbox every 100 ms.
            using var browser = new BrowserClient(proxy.Url);
            using var start = await browser.GetAsync("/self-service/recovery/browser");
            start.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await start.Content.ReadAsStringAsync());
            var creator = start.Headers.GetValues(LoopbackProxy.NodeHeader).Single();
            var flowId = FlowJson.FlowIdFromLocation(start);
            string csrf;
            using (var flow = await browser.GetFlowAsync("recovery", flowId))
            {
                csrf = FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
            }

            using (var sent = await browser.PostFormAsync($"/self-service/recovery?flow={flowId}", Form(("csrf_token", csrf), ("method", "code"), ("email", email))))
            {
                sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await sent.Content.ReadAsStringAsync());
            }

            output.WriteLine($"requested: {stopwatch.Elapsed.TotalSeconds:F1} s");
            var mail = await sink.WaitForMessageAsync(email, TimeSpan.FromSeconds(20));
            var code = Regex.Match(mail.TextBody, @"\b\d{6}\b").Value;
            code.ShouldNotBeNullOrEmpty(mail.TextBody);

            // SIGKILL the node that created the flow; the proxy's health check takes it out of the rotation.
            output.WriteLine($"mailed: {stopwatch.Elapsed.TotalSeconds:F1} s");
            await nodes[creator].Process.KillAsync();
            var survivors = nodes.Where(n => n.Key != creator).ToList();
            var unhealthyBy = Stopwatch.StartNew();
            while (proxy.ActiveHealth(creator) != DestinationHealth.Unhealthy || proxy.Routes(creator))
            {
                unhealthyBy.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), $"the proxy still routes to the killed {creator}");
                await Task.Delay(100);
            }

            output.WriteLine($"unhealthy: {stopwatch.Elapsed.TotalSeconds:F1} s");
            // The flow completes through the survivors: the code, then the settings flow it leads to.
            using var recovered = await browser.PostFormAsync($"/self-service/recovery?flow={flowId}", Form(("csrf_token", csrf), ("method", "code"), ("code", code)));
            recovered.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await recovered.Content.ReadAsStringAsync());
            recovered.Headers.GetValues(LoopbackProxy.NodeHeader).Single().ShouldNotBe(creator);
            recovered.Headers.Location!.AbsolutePath.ShouldBe("/ui/settings");
            var session = browser.Cookies.GetCookies(proxy.Url)["ory_kratos_session"]?.Value;
            session.ShouldNotBeNullOrEmpty();
            using (var settings = await browser.GetFlowAsync("settings", FlowJson.FlowIdFromLocation(recovered)))
            {
                settings.RootElement.GetProperty("id").GetString().ShouldNotBeNullOrEmpty();
            }

            // The session works on every remaining node, asked directly, and through the proxy.
            foreach (var (id, node) in survivors)
            {
                (await WhoamiAsync(node.Public, session)).ShouldBe(email, id);
            }

            (await WhoamiAsync(proxy.Url, session)).ShouldBe(email);

            output.WriteLine($"sessions: {stopwatch.Elapsed.TotalSeconds:F1} s");
            // One limit across the survivors: three wrong passwords through the proxy land on both of them, then the
            // right one is refused by the proxy and by each survivor asked directly.
            using var api = new HttpClient { BaseAddress = proxy.Url };
            var served = new HashSet<string>();
            var loginFlow = await NewLoginFlowAsync(api);
            for (var i = 0; i < LoginFailureLimit; i++)
            {
                using var failed = await LoginAsync(api, loginFlow, email, $"wrong password {i}");
                failed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await failed.Content.ReadAsStringAsync());
                served.Add(failed.Headers.GetValues(LoopbackProxy.NodeHeader).Single());
            }

            served.ShouldBe(survivors.Select(s => s.Key), ignoreOrder: true);
            using (var blocked = await LoginAsync(api, await NewLoginFlowAsync(api), email, Password))
            {
                blocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, await blocked.Content.ReadAsStringAsync());
            }

            foreach (var (id, node) in survivors)
            {
                using var direct = new HttpClient { BaseAddress = node.Public };
                using var blocked = await LoginAsync(direct, await NewLoginFlowAsync(direct), email, Password);
                blocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, id);
            }

            output.WriteLine($"limits: {stopwatch.Elapsed.TotalSeconds:F1} s");
            // Nothing was sent twice: well over ten more polls of each surviving courier later, still one message.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            sink.Messages.Count(m => m.IsFor(email)).ShouldBe(1, "the recovery code e-mail was sent more than once");
            stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90));
        }
        finally
        {
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }

            foreach (var node in nodes.Values)
            {
                await node.Process.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Config(int proxyPort, SmtpSink sink) => $"""
        serve:
          public:
            base_url: http://127.0.0.1:{proxyPort}/
        secrets:
          default:
            - {Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}
        selfservice:
          flows:
            recovery:
              enabled: true
        courier:
          smtp:
            connection_uri: {sink.ConnectionUri}
          worker:
            pull_wait: 100ms
        rate_limits:
          buckets:
            login_failures_per_identifier_ip:
              limit: {LoginFailureLimit}
              window: 24h
        """;

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    private static async Task<string?> WhoamiAsync(Uri publicUrl, string session)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = publicUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("Cookie", $"ory_kratos_session={session}");
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{publicUrl}: {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString();
    }

    private static async Task<string> NewLoginFlowAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/self-service/login/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return flow.RootElement.GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string flowId, string identifier, string password) =>
        client.PostAsJsonAsync($"/self-service/login?flow={flowId}", new { method = "password", identifier, password });
}
