// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.Metrics;

namespace Tessera.Courier;

/// <summary>
/// The outbox's depth for <c>/metrics</c> (meter <c>Tessera.Courier</c>, gauge <c>tessera.courier.queue</c> by
/// <c>status</c>: queued, processing). The count is a database query, so it is taken once per scrape, just before the
/// exporter reads the gauge (<see cref="RefreshAsync"/>), never on a request path. Delivery failures are counted with
/// their catalog ids by <see cref="Errors.ErrorMetrics"/> (<c>courier_*</c>).
/// </summary>
internal sealed class CourierQueueGauge
{
    public const string MeterName = "Tessera.Courier";

    private static readonly string[] Statuses = [CourierMessageStatus.Queued, CourierMessageStatus.Processing];

    private readonly CourierStore _store;
    private IReadOnlyDictionary<string, long> _counts = new Dictionary<string, long>();

    public CourierQueueGauge(CourierStore store, IMeterFactory meters)
    {
        _store = store;
        meters.Create(MeterName).CreateObservableGauge("tessera.courier.queue", Observe, "{message}", "Courier messages waiting (queued) and being sent (processing).");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken) => _counts = await _store.CountPendingAsync(cancellationToken);

    private IEnumerable<Measurement<long>> Observe()
    {
        var counts = _counts;
        return Statuses.Select(s => new Measurement<long>(counts.GetValueOrDefault(s), new KeyValuePair<string, object?>("status", s)));
    }
}
