// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;

namespace Tessera.Persistence.Cleanup;

/// <summary>
/// Runs every registered <see cref="ICleanupTask"/> once: the periodic janitor in <c>serve</c> and
/// <c>tessera cleanup</c> share it. A failing task is logged and does not stop the others.
/// </summary>
internal sealed partial class CleanupPass(IEnumerable<ICleanupTask> tasks, ILogger<CleanupPass> logger)
{
    public async Task<IReadOnlyList<(string Name, int Deleted)>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<(string, int)>();
        foreach (var task in tasks)
        {
            try
            {
                var deleted = await task.RunAsync(cancellationToken);
                results.Add((task.Name, deleted));
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted, task.Name);
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // InvalidOperationException: storage not initialised yet (the pass raced start-up); the next pass retries.
                LogFailed(logger, e, task.Name);
            }
        }

        return results;
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Deleted {Count} expired {What}")]
    private static partial void LogDeleted(ILogger logger, int count, string what);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Cleaning up {What} failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
