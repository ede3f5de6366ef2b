// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Observability;

/// <summary>
/// Issue 22, acceptance 5: <c>/metrics</c> on the admin listener answers Prometheus text that parses, with Tessera's
/// metric families and their labels, and a failed login moves the counters (the flow's failure, its 4000006 message,
/// the password verification), and requests are counted by route, method and status. The public listener does not serve it.
/// </summary>
public sealed class MetricsEndpointTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Scrape_ParsesAsPrometheusText_AndAFailedLoginMovesTheCounters()
    {
        var before = await ScrapeAsync();

        using var created = await fixture.Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = flow.RootElement.GetProperty("id").GetString();
        using (var failed = await fixture.Server.Public.PostAsJsonAsync($"/self-service/login?flow={id}",
            new { method = "password", identifier = $"nobody-{Guid.NewGuid():N}@example.com", password = "not the password 1" }))
        {
            failed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var after = await ScrapeAsync();

        // ASP.NET Core's own http_server_request_duration_seconds is exported too, but its meter belongs to each host,
        // and with the suite's many servers in one process it went missing from a scrape once (CI, 2026-12-07): it is
        // not asserted here until a test scrapes a server in a process of its own.
        after.Types.ContainsKey("tessera_ui_messages_total").ShouldBeTrue(after.Text);
        after.Types["tessera_ui_messages_total"].ShouldBe("counter");
        after.Types["tessera_flows_total"].ShouldBe("counter");
        after.Types["tessera_password_hash_duration_seconds"].ShouldBe("histogram");
        after.Types["tessera_courier_queue"].ShouldBe("gauge");
        after.Samples.ShouldContain(s => s.Name == "tessera_courier_queue" && s.Labels.GetValueOrDefault("status") == "queued");

        Moved(before, after, "tessera_ui_messages_total", ("ui_message_id", "4000006"), ("ui_message_type", "error")).ShouldBeGreaterThanOrEqualTo(1);
        Moved(before, after, "tessera_flows_total", ("flow_kind", "login"), ("flow_outcome", "failed")).ShouldBeGreaterThanOrEqualTo(1);
        Moved(before, after, "tessera_flows_total", ("flow_kind", "login"), ("flow_outcome", "created")).ShouldBeGreaterThanOrEqualTo(1);
        Moved(before, after, "tessera_password_hash_duration_seconds_count", ("operation", "verify")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ErrorIds_AreCountedByIdAndStatus()
    {
        var before = await ScrapeAsync();
        using (await fixture.Server.Public.GetAsync($"/no/such/path/{Guid.NewGuid():N}"))
        {
        }

        var after = await ScrapeAsync();
        after.Types["tessera_errors_total"].ShouldBe("counter");
        Moved(before, after, "tessera_errors_total", ("error_id", "not_found"), ("http_response_status_code", "404")).ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>
    /// ASP.NET Core's request histogram, scraped from a server in a process of its own (the built program, as an
    /// operator runs it), where its per-host meter is the only one: requests by route template and status.
    /// </summary>
    [Fact]
    public async Task OwnProcess_ExportsAspNetCoresRequestDuration_ByRouteAndStatus()
    {
        int publicPort = FreePort.Next(), adminPort = FreePort.Next();
        await using var server = TesseraProcess.Start(["serve"], new Dictionary<string, string>
        {
            ["DSN"] = await TestDatabases.CreateAsync(DatabaseKind.Sqlite),
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SECRETS_DEFAULT"] = "metrics-test-secret-0123456789abcdef",
        });
        var publicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
        (await server.WaitUntilReadyAsync(new Uri(publicUrl, "/health/ready"), TimeSpan.FromSeconds(60))).ShouldBeTrue(server.StandardError + server.StandardOutput);
        using var client = new HttpClient { BaseAddress = publicUrl };
        var identityId = Guid.NewGuid();
        using (var flow = await client.GetAsync("/self-service/login/api"))
        {
            flow.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var missing = await client.GetAsync($"/sessions/whoami"))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/") };
        using (var unknown = await admin.GetAsync($"/admin/identities/{identityId}"))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The histogram is recorded as each response completes, after the client has it: scrape until it shows.
        PrometheusText metrics;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            using var response = await admin.GetAsync("/metrics");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            metrics = PrometheusText.Parse(text);
        }
        while (metrics.Sum("http_server_request_duration_seconds_count", ("http_route", "/admin/identities/{id}")) < 1 && DateTimeOffset.UtcNow < deadline && await Pause());

        metrics.Types.GetValueOrDefault("http_server_request_duration_seconds").ShouldBe("histogram", metrics.Text);
        metrics.Sum("http_server_request_duration_seconds_count",
            ("http_route", "/self-service/login/api"), ("http_request_method", "GET"), ("http_response_status_code", "200")).ShouldBe(1, metrics.Text);
        metrics.Sum("http_server_request_duration_seconds_count",
            ("http_route", "/sessions/whoami"), ("http_request_method", "GET"), ("http_response_status_code", "401")).ShouldBe(1, metrics.Text);
        metrics.Sum("http_server_request_duration_seconds_count",
            ("http_route", "/admin/identities/{id}"), ("http_request_method", "GET"), ("http_response_status_code", "404")).ShouldBe(1, metrics.Text);
        metrics.Samples.ShouldContain(s => s.Name == "http_server_request_duration_seconds_bucket"
            && s.Labels.GetValueOrDefault("http_route") == "/self-service/login/api" && s.Labels.ContainsKey("le"), metrics.Text);

        static async Task<bool> Pause()
        {
            await Task.Delay(200);
            return true;
        }
    }

    [Fact]
    public async Task PublicListener_DoesNotServeMetrics()
    {
        using var response = await fixture.Server.Public.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static double Moved(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    private async Task<PrometheusText> ScrapeAsync()
    {
        using var response = await fixture.Server.Admin.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        return PrometheusText.Parse(text);
    }
}
