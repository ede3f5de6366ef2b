// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;

namespace Tessera.SelfService.Hooks;

/// <summary>Deletes execution log rows older than <c>selfservice.hooks.log_lifespan</c>, periodically on every node.</summary>
internal sealed partial class HookExecutionJanitor(HookExecutionStore store, TimeProvider clock, ILogger<HookExecutionJanitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var deleted = await store.DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted);
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // InvalidOperationException: storage not initialised yet (the pass raced start-up); the next tick retries.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Deleted {Count} expired hook executions")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "The hook execution cleanup pass failed; it runs again later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
