// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tessera.Errors;
using Tessera.Ui.Messages;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// Records, for the whole test run, every error id and UI message id the servers emitted (the per-id counters of
/// <see cref="ErrorMetrics"/>). <see cref="NotInCatalogs"/> names those the catalogs lack (CatalogAliveTests fails
/// on them). When <c>TESSERA_EMITTED_IDS</c> names a file, each id is appended there the moment it is first seen
/// (<c>error &lt;id&gt;</c> / <c>ui_message &lt;id&gt;</c>, one a line), so a script can check after every test
/// project has run that each catalog entry was emitted by some test (<c>tessera errors</c> lists the catalog).
/// </summary>
public static class EmittedIds
{
    /// <summary>Ids an operator's web hook answers with in the hook tests: Kratos lets hooks send their own.</summary>
    public static readonly IReadOnlySet<int> WebHookMessageIds = new HashSet<int> { 4000123 };

    private static readonly ConcurrentDictionary<string, byte> Errors = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, byte> Messages = new();
    private static readonly Lazy<MeterListener> Listener = new(Create);
    private static readonly Lock Gate = new();

    public static IReadOnlyCollection<string> ErrorIds => Errors.Keys.ToList();

    public static IReadOnlyCollection<int> UiMessageIds => Messages.Keys.ToList();

    /// <summary>Starts listening (once per process); every test server calls it as it starts.</summary>
    public static void Start() => _ = Listener.Value;

    public static IReadOnlyList<string> NotInCatalogs(IEnumerable<string> errorIds, IEnumerable<int> uiMessageIds) =>
        errorIds.Where(id => ErrorCatalog.Find(id) is null).Select(id => $"error {id}")
            .Concat(uiMessageIds.Where(id => UiMessages.Find(id) is null && !WebHookMessageIds.Contains(id)).Select(id => $"ui_message {id}"))
            .ToList();

    private static MeterListener Create()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ErrorMetrics.MeterName && instrument.Name is ErrorMetrics.CounterName or ErrorMetrics.UiMessageCounterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "error.id", Value: string id } && Errors.TryAdd(id, 0))
                {
                    Append($"error {id}");
                }
                else if (tag is { Key: "ui_message.id", Value: int message } && Messages.TryAdd(message, 0))
                {
                    Append($"ui_message {message}");
                }
            }
        });
        listener.Start();
        return listener;
    }

    // The moment an id is first seen, not at exit: the test host may be stopped before its exit handlers finish (one CI
    // run lost every id the integration tests emitted that way).
    private static void Append(string line)
    {
        if (Environment.GetEnvironmentVariable("TESSERA_EMITTED_IDS") is { Length: > 0 } path)
        {
            lock (Gate)
            {
                File.AppendAllText(path, line + "\n");
            }
        }
    }
}
