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

    private readonly Counter<long> _errors;
    private readonly Counter<long> _uiMessages;

    public ErrorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _errors = meter.CreateCounter<long>(CounterName, "{error}", "Errors answered, by error id and HTTP status.");
        _uiMessages = meter.CreateCounter<long>(UiMessageCounterName, "{message}", "Messages on flow answers, by UI message id and type.");
    }

    public void Record(UiText message) =>
        _uiMessages.Add(1, new KeyValuePair<string, object?>("ui_message.id", message.Id), new KeyValuePair<string, object?>("ui_message.type", message.Type));

    public void Record(ErrorDescriptor error) =>
        _errors.Add(1, new KeyValuePair<string, object?>("error.id", error.Id), new KeyValuePair<string, object?>("http.response.status_code", error.Status));
}
