// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;

namespace Tessera.Persistence.Cleanup;

/// <summary>
/// Runs every registered <see cref="ICleanupTask"/> once: the periodic janitor in <c>serve</c> and
/// <c>tessera cleanup</c> share it, for every project in turn (a task that is not per project, once). A failing task is
/// logged and does not stop the others.
/// </summary>
internal sealed partial class CleanupPass(IEnumerable<ICleanupTask> tasks, ILogger<CleanupPass> logger, NetworkContext? network = null)
{
    public async Task<IReadOnlyList<(string Name, int Deleted)>> RunAsync(CancellationToken cancellationToken)
    {
        var projects = await ProjectsAsync(cancellationToken);
        var results = new List<(string, int)>();
        foreach (var task in tasks)
        {
            var deleted = 0;
            var succeeded = false;
            IReadOnlyList<Guid?> runIn = task.PerProject ? projects : [null];
            foreach (var projectId in runIn)
            {
                try
                {
                    deleted += projectId is { } id ? await RunInAsync(task, id, cancellationToken) : await task.RunAsync(cancellationToken);
                    succeeded = true;
                }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    // InvalidOperationException: storage not initialised yet (the pass raced start-up); the next pass retries.
                    LogFailed(logger, e, task.Name);
                }
            }

            if (!succeeded)
            {
                continue;
            }

            results.Add((task.Name, deleted));
            if (deleted > 0)
            {
                LogDeleted(logger, deleted, task.Name);
            }
        }

        return results;
    }

    private static async Task<int> RunInAsync(ICleanupTask task, Guid projectId, CancellationToken cancellationToken)
    {
        using var project = NetworkContext.Enter(projectId);
        return await task.RunAsync(cancellationToken);
    }

    // Every project's rows: each task runs once per project (the default first). Without storage yet (the pass raced
    // start-up), or without a network context (a host running tasks alone), once for the default project.
    private async Task<IReadOnlyList<Guid?>> ProjectsAsync(CancellationToken cancellationToken)
    {
        if (network is null)
        {
            return [null];
        }

        try
        {
            var ids = await network.ListIdsAsync(cancellationToken);
            return ids.Count == 1 ? [null] : ids.Select(id => (Guid?)id).ToList();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            return [null];
        }
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Deleted {Count} expired {What}")]
    private static partial void LogDeleted(ILogger logger, int count, string what);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Cleaning up {What} failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
