// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tessera.Errors;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// The one recorder of the error ids and UI message ids a process emits (the per-id counters of
/// <see cref="ErrorMetrics"/>), for the test process's in-process servers (<see cref="EmittedIds"/>) and for servers
/// that run as processes of their own (<see cref="TesseraProcess"/>, tests/node), which load it by
/// <c>StartupHook</c>. When <c>TESSERA_EMITTED_IDS</c> names a file, each id is appended there the moment it is first
/// seen (<c>error &lt;id&gt;</c> / <c>ui_message &lt;id&gt;</c>, one a line; a killed server's ids count too).
/// Only BCL types and constants are used here, so loading it into a server pulls in nothing of the test project.
/// </summary>
internal static class EmittedIdsRecorder
{
    public const string FileVariable = "TESSERA_EMITTED_IDS";

    private static readonly ConcurrentDictionary<string, byte> Errors = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, byte> Messages = new();
    private static readonly Lazy<MeterListener> Listener = new(Create);
    private static readonly Lock Gate = new();

    public static IReadOnlyCollection<string> ErrorIds => Errors.Keys.ToList();

    public static IReadOnlyCollection<int> UiMessageIds => Messages.Keys.ToList();

    /// <summary>The file ids are appended to, when the test run names one.</summary>
    public static string? FilePath => Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path ? path : null;

    /// <summary>Starts listening (once per process).</summary>
    public static void Start() => _ = Listener.Value;

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
    // run lost every id the integration tests emitted that way), and a server process may be killed.
    private static void Append(string line)
    {
        if (FilePath is { } path)
        {
            lock (Gate)
            {
                File.AppendAllText(path, line + "\n");
            }
        }
    }
}
