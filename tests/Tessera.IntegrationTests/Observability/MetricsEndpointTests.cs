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
