// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Tessera.Persistence;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// Drains the <see cref="OccurrenceRecorder"/>'s buffer into the database off the request path: it waits for the first
/// record, lets more gather for a quarter second, then takes what has piled up (at most <see cref="OccurrenceOptions.BatchSize"/>) and writes it with one
/// multi-row insert per table. Under load that is one write per table a quarter second. A failed
/// write (the database away) is logged and its batch dropped; requests never wait for any of it. Stopping writes what is left.
/// </summary>
internal sealed partial class OccurrenceWriter(OccurrenceRecorder recorder, OccurrenceStore store, IHostApplicationLifetime lifetime, ILogger<OccurrenceWriter> logger)
    : BackgroundService
{
    // One batch at a time: a flush that finds the buffer empty then also knows the batch taken before it is written.
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(250);
    private readonly SemaphoreSlim _writing = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!recorder.Enabled || !await Hosting.ApplicationStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a batch gather first: one write per quarter second, not one per record, keeps SQLite's single
                // writer free for the requests. Wall-clock on purpose: batching is not behaviour a test clock should steer.
                await Task.Delay(GatherDelay, stoppingToken);
                while (await WriteBatchAsync(stoppingToken) >= OccurrenceOptions.BatchSize)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (recorder.Enabled)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes everything buffered now (stopping; tests that read what they caused).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (await WriteBatchAsync(cancellationToken) > 0)
        {
        }
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }

    private async Task<int> WriteBatchAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            return await WriteBatchLockedAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<int> WriteBatchLockedAsync(CancellationToken cancellationToken)
    {
        var batch = new List<OccurrenceRecord>();
        while (batch.Count < OccurrenceOptions.BatchSize && recorder.Reader.TryRead(out var record))
        {
            batch.Add(record);
        }

        var created = recorder.DrainCreated();
        if (batch.Count == 0 && created.Count == 0)
        {
            return 0;
        }

        try
        {
            var projects = batch.Select(r => r.ProjectId).Concat(created.Select(c => c.ProjectId)).Distinct();
            foreach (var project in projects)
            {
                await InsertAsync(project, batch.Where(r => r.ProjectId == project).ToList(), created.Where(c => c.ProjectId == project).ToList(), cancellationToken);
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // InvalidOperationException: storage not initialised yet or already disposed. Occurrences are statistics,
            // not records anyone relies on: the batch is dropped, as a full buffer would drop it.
            LogWriteFailed(logger, e, batch.Count + created.Count);
        }

        return batch.Count + created.Count;
    }

    // Each project's records under that project (the store writes the current project's nid).
    private async Task InsertAsync(Guid? projectId, List<OccurrenceRecord> records, List<CreatedFlows> created, CancellationToken cancellationToken)
    {
        if (projectId is not { } id)
        {
            await store.InsertAsync(records, created, cancellationToken);
            return;
        }

        using var project = NetworkContext.Enter(id);
        await store.InsertAsync(records, created, cancellationToken);
    }

    [LoggerMessage(EventId = 1047, Level = LogLevel.Warning, Message = "Writing {Count} error occurrences failed; they are dropped")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
