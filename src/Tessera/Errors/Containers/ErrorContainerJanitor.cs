// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;

namespace Tessera.Errors.Containers;

/// <summary>
/// Deletes expired error containers periodically on every node. The delete is idempotent, so nodes running it at
/// the same time only repeat each other's work; <c>tessera cleanup</c> runs the same pass once.
/// </summary>
internal sealed partial class ErrorContainerJanitor(ErrorContainerStore store, TimeProvider clock, ILogger<ErrorContainerJanitor> logger) : BackgroundService
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
            catch (DbException e)
            {
                LogFailed(logger, e);
            }
            catch (InvalidOperationException e)
            {
                // Storage not initialised yet (the pass raced start-up): the next tick tries again.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Deleted {Count} expired error containers")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "The error container cleanup pass failed; it runs again later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
