// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.Metrics;

namespace Tessera.Errors;

/// <summary>
/// One counter for every error answered, tagged with its id and status, so a dashboard can show which errors users
/// meet (meter <c>Tessera.Errors</c>, instrument <c>tessera.errors</c>).
/// </summary>
internal sealed class ErrorMetrics
{
    public const string MeterName = "Tessera.Errors";
    public const string CounterName = "tessera.errors";

    private readonly Counter<long> _errors;

    public ErrorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _errors = meter.CreateCounter<long>(CounterName, "{error}", "Errors answered, by error id and HTTP status.");
    }

    public void Record(ErrorDescriptor error) =>
        _errors.Add(1, new KeyValuePair<string, object?>("error.id", error.Id), new KeyValuePair<string, object?>("http.response.status_code", error.Status));
}
