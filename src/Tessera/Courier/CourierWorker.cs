// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;

namespace Tessera.Courier;

/// <summary>
/// The courier's background loop inside <c>serve</c> and <c>tessera courier watch</c>: wait
/// <c>courier.worker.pull_wait</c>, poll, repeat; after a full batch poll again at once (more is probably waiting).
/// Any number of nodes may run it against one database; the claims keep them from sending a message twice.
/// </summary>
internal sealed partial class CourierWorker(
    CourierDispatcher dispatcher, CourierOptions options, TimeProvider clock, DatabaseHealth health,
    IHostApplicationLifetime lifetime, ILogger<CourierWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Hosting.ApplicationStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        var destination = options.Smtp is null ? "the log" : options.Smtp.ToString();
        LogStarted(logger, dispatcher.WorkerId, destination);
        var batchWasFull = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Wait first: a node that just started (or a test that drives the poll step itself) is not raced at once.
            if (!batchWasFull)
            {
                try
                {
                    await Task.Delay(options.PullWait, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            try
            {
                batchWasFull = await dispatcher.ProcessEveryProjectAsync(stoppingToken) >= options.PullCount;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseFaults.IsOutage(e))
            {
                // Logged once per outage by DatabaseHealth, not once per poll.
                batchWasFull = false;
                health.ReportFailure();
            }
            catch (Exception e)
            {
                // The database is unreachable or similar: keep polling, the outbox is still there when it returns.
                batchWasFull = false;
                LogPollFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 620, Level = LogLevel.Information, Message = "Courier worker {WorkerId} started, delivering to {Destination}")]
    private static partial void LogStarted(ILogger logger, Guid workerId, string destination);

    [LoggerMessage(EventId = 621, Level = LogLevel.Error, Message = "Courier worker could not poll the outbox")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
