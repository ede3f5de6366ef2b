// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Tessera.Persistence.Migrations;

namespace Tessera.Persistence;

/// <summary>
/// Whether the database answers, known to the whole node. <c>/health/ready</c> asks it (one probe at a time, its own
/// one-second deadline, the answer cached briefly so a probe storm does not reach the database); a request that
/// failed on an outage reports it, which starts a probe. The state changes only on a probe's word and each change
/// is logged once at warning (down, back), never once per request; while down, a probe runs every second so the
/// node notices recovery without traffic.
/// </summary>
internal sealed partial class DatabaseHealth(Database database, Migrator migrator, ILogger<DatabaseHealth> logger) : IDisposable
{
    /// <summary>Sent as <c>Retry-After</c> with every answer an outage causes.</summary>
    public const int RetryAfterSeconds = 5;

    public static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);

    // Deadlines are about real elapsed time on the wire, not the domain clock (which tests freeze): always the system's.
    private readonly TimeProvider _wall = TimeProvider.System;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _gate = new();
    private Task<DatabaseReadiness>? _probe;
    private DatabaseReadiness? _last;
    private long _lastAt;
    private long _downSince;
    private bool _down;

    public bool IsDown
    {
        get { lock (_gate) { return _down; } }
    }

    /// <summary>The database's readiness within <see cref="ProbeDeadline"/>: a probe that takes longer counts as unreachable.</summary>
    public async Task<DatabaseReadiness> CheckAsync()
    {
        Task<DatabaseReadiness> probe;
        lock (_gate)
        {
            if (_last is { } last && _wall.GetElapsedTime(_lastAt) < CacheFor)
            {
                return last;
            }

            if (_probe is null || _probe.IsCompleted)
            {
                _probe = Task.Run(ProbeAsync);
            }

            probe = _probe;
        }

        try
        {
            return await probe.WaitAsync(ProbeDeadline, _wall);
        }
        catch (TimeoutException)
        {
            Record(DatabaseReadiness.Unreachable, null);
            return DatabaseReadiness.Unreachable;
        }
    }

    /// <summary>A request met an outage: confirm it with a probe (which logs the change once).</summary>
    public void ReportFailure()
    {
        if (!IsDown)
        {
            _ = CheckAsync();
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task<DatabaseReadiness> ProbeAsync()
    {
        DatabaseReadiness result;
        Exception? failure = null;
        try
        {
            // The connection and statement deadlines of the DSN bound the probe too; this only frees it at shutdown.
            result = new DatabaseReadiness(true, await migrator.PendingCountAsync(_disposed.Token));
        }
        catch (Exception e) when (e is DbException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            result = DatabaseReadiness.Unreachable;
            failure = e;
        }

        Record(result, failure);
        return result;
    }

    private void Record(DatabaseReadiness result, Exception? failure)
    {
        bool wentDown, cameBack;
        TimeSpan downFor;
        lock (_gate)
        {
            _last = result;
            _lastAt = _wall.GetTimestamp();
            wentDown = !result.Reachable && !_down;
            cameBack = result.Reachable && _down;
            downFor = _down ? _wall.GetElapsedTime(_downSince) : TimeSpan.Zero;
            if (wentDown)
            {
                _downSince = _lastAt;
            }

            _down = !result.Reachable;
        }

        if (wentDown)
        {
            database.ClearPool();
            LogDown(logger, failure is null ? "no answer within the probe deadline" : $"{failure.GetType().Name}: {failure.Message}");
            _ = WatchForRecoveryAsync();
        }
        else if (cameBack)
        {
            LogBack(logger, (long)downFor.TotalMilliseconds);
        }
    }

    private async Task WatchForRecoveryAsync()
    {
        try
        {
            while (IsDown)
            {
                await Task.Delay(RecheckEvery, _wall, _disposed.Token);
                await CheckAsync();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The node is shutting down.
        }
    }

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "Database unreachable ({Reason}); requests that need it answer 503 until it is back")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Database reachable again after {DownMilliseconds} ms")]
    private static partial void LogBack(ILogger logger, long downMilliseconds);
}
