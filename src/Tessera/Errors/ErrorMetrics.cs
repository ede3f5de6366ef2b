// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.Metrics;
using Tessera.Ui.Messages;

namespace Tessera.Errors;

/// <summary>
/// One counter for every error answered, tagged with its id and status, and one for every message a flow answer
/// carries, tagged with its UI message id, so a dashboard can show which errors users meet (meter
/// <c>Tessera.Errors</c>, instruments <c>tessera.errors</c> and <c>tessera.ui_messages</c>). The test suite listens to
/// both to check that every id the server emits is in the catalogs.
/// </summary>
internal sealed class ErrorMetrics
{
    public const string MeterName = "Tessera.Errors";
    public const string CounterName = "tessera.errors";
    public const string UiMessageCounterName = "tessera.ui_messages";

    // One meter and one instrument per process, shared by every host in it (the test servers): exporters that listen
    // by meter name then see each host's counts on the one instrument, never a duplicate they would drop.
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> ErrorCounter = Meter.CreateCounter<long>(CounterName, "{error}", "Errors answered, by error id and HTTP status.");
    private static readonly Counter<long> UiMessageCounter = Meter.CreateCounter<long>(UiMessageCounterName, "{message}", "Messages on flow answers, by UI message id and type.");

    public void Record(UiText message) =>
        UiMessageCounter.Add(1, new KeyValuePair<string, object?>("ui_message.id", message.Id), new KeyValuePair<string, object?>("ui_message.type", message.Type));

    public void Record(ErrorDescriptor error) =>
        ErrorCounter.Add(1, new KeyValuePair<string, object?>("error.id", error.Id), new KeyValuePair<string, object?>("http.response.status_code", error.Status));
}
