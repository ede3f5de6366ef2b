// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// Counts created flows in memory per project, flow kind and minute: the funnel's "created" step is the one every
/// flow creation takes, so it costs one dictionary look-up and one interlocked increment instead of a record in the
/// writer's buffer. The <see cref="OccurrenceWriter"/> takes the counts with <see cref="Drain"/>.
/// </summary>
internal sealed class CreatedFlowCounter
{
    // A minute's counter is kept for this long after the minute ends, so that a request that read the clock just
    // before the minute turned still finds its counter (it increments a line later); then an emptied one is removed.
    private static readonly TimeSpan KeepAfterMinute = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<(Guid? Project, string Kind, DateTimeOffset Minute), StrongBox<long>> _counts = new();

    public void Add(Guid? project, string flowKind, DateTimeOffset minute) =>
        Interlocked.Increment(ref _counts.GetOrAdd((project, flowKind, minute), static _ => new StrongBox<long>()).Value);

    /// <summary>
    /// Takes every count made since the last drain (each counter is swapped to zero atomically, so an increment
    /// racing the drain lands in this drain or the next, never in neither) and forgets the old, emptied minutes.
    /// </summary>
    public List<CreatedFlows> Drain(DateTimeOffset now)
    {
        var taken = new List<CreatedFlows>();
        foreach (var (key, count) in _counts)
        {
            var flows = Interlocked.Exchange(ref count.Value, 0);
            if (flows > 0)
            {
                taken.Add(new CreatedFlows(key.Project, key.Kind, key.Minute, flows));
            }
            else if (key.Minute + KeepAfterMinute < now)
            {
                _counts.TryRemove(key, out _);
            }
        }

        return taken;
    }
}
