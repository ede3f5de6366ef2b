// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tessera.Errors;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// The catalog-alive recorder for servers that run as processes of their own (<see cref="TesseraProcess"/>,
/// tests/node): .NET runs <c>StartupHook</c> (<c>DOTNET_STARTUP_HOOKS</c> naming this assembly) before the program,
/// and it appends each error id and UI message id the process emits to the file <c>TESSERA_EMITTED_IDS</c> names, the
/// moment the id is first seen (a killed server's ids count too), in the lines <see cref="EmittedIds"/>
/// writes. Only BCL types and constants are used here, so loading it into the server pulls in nothing of the test project.
/// </summary>
internal static class EmittedIdsHook
{
    public const string EnvironmentVariable = "DOTNET_STARTUP_HOOKS";

    private static readonly ConcurrentDictionary<string, byte> Seen = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static MeterListener? _listener;

    /// <summary>This assembly's path, for <c>DOTNET_STARTUP_HOOKS</c>.</summary>
    public static string AssemblyPath => typeof(EmittedIdsHook).Assembly.Location;

    public static void Start()
    {
        if (Environment.GetEnvironmentVariable("TESSERA_EMITTED_IDS") is not { Length: > 0 } path)
        {
            return;
        }

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ErrorMetrics.MeterName && instrument.Name is ErrorMetrics.CounterName or ErrorMetrics.UiMessageCounterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                var line = tag switch
                {
                    { Key: "error.id", Value: string id } => $"error {id}",
                    { Key: "ui_message.id", Value: int message } => $"ui_message {message}",
                    _ => null,
                };
                if (line is not null && Seen.TryAdd(line, 0))
                {
                    lock (Gate)
                    {
                        File.AppendAllText(path, line + "\n");
                    }
                }
            }
        });
        _listener.Start();
    }
}
