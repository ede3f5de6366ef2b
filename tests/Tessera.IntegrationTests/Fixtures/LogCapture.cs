// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>Keeps every log entry the server writes (category, level, event id, message) for tests to assert on.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogCaptureEntry> _entries = new();

    public IReadOnlyList<LogCaptureEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogCaptureEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogCaptureEntry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
