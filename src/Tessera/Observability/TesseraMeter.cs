// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.Metrics;

namespace Tessera.Observability;

/// <summary>
/// The instruments of Tessera's own work that <c>/metrics</c> exports (meter <c>Tessera</c>): flows by kind and outcome,
/// web hook latency, password hashing time. Recording is a no-op until an exporter listens, and cheap when one does
/// (a counter increment or a histogram bucket per event), so the hot paths can record unconditionally. Errors and UI
/// messages have their own meter (<see cref="Errors.ErrorMetrics"/>), the courier queue its gauge
/// (<see cref="Courier.CourierQueueGauge"/>), requests ASP.NET Core's <c>http.server.request.duration</c>.
/// </summary>
internal static class TesseraMeter
{
    public const string Name = "Tessera";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Flows = Meter.CreateCounter<long>(
        "tessera.flows", "{flow}", "Self-service flows by kind and outcome: created, failed (re-rendered with errors), expired, succeeded.");

    private static readonly Histogram<double> HookDuration = Meter.CreateHistogram<double>(
        "tessera.hook.duration", "s", "Web hook calls (flow hooks and OAuth2 token hooks), by hook point and outcome, retries included.");

    private static readonly Histogram<double> HashDuration = Meter.CreateHistogram<double>(
        "tessera.password_hash.duration", "s", "Password hashing time by operation (hash, verify), queueing for the hashing slots excluded.");

    public static void Flow(string kind, string outcome) =>
        Flows.Add(1, new KeyValuePair<string, object?>("flow.kind", kind), new KeyValuePair<string, object?>("flow.outcome", outcome));

    public static void Hook(string point, string outcome, TimeSpan latency) =>
        HookDuration.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("hook.point", point), new KeyValuePair<string, object?>("hook.outcome", outcome));

    public static void Hash(string operation, TimeSpan elapsed) =>
        HashDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
}
