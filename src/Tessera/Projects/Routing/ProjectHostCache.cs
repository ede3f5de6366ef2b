// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;

namespace Tessera.Projects.Routing;

/// <summary>
/// Which project each Host serves, per node, for at most <see cref="ProjectRoutingOptions.CacheLifetime"/> (5 s).
/// Unknown hosts are remembered too, so random Host headers cost one look-up each per bound, and the map is emptied
/// when it reaches <see cref="MaxEntries"/>, so they cannot grow memory. The bound: a domain activated or deleted, or a
/// project created or deleted, on another node is seen here within it; on this node the stores'
/// <see cref="Forget"/> makes it seen at once.
/// </summary>
internal sealed class ProjectHostCache(TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ProjectHostMatch? Match, long UntilTicks, long Version)> _entries = new(StringComparer.Ordinal);
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public bool TryGet(string host, out ProjectHostMatch? match)
    {
        if (_entries.TryGetValue(host, out var entry))
        {
            if (entry.Version == Version && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
            {
                match = entry.Match;
                return true;
            }

            _entries.TryRemove(host, out _);
        }

        match = null;
        return false;
    }

    /// <summary>Stores an answer read under <paramref name="versionBeforeRead"/>: a write during the read makes it stale at once.</summary>
    public void Set(string host, ProjectHostMatch? match, long versionBeforeRead)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[host] = (match, (clock.GetUtcNow() + ProjectRoutingOptions.CacheLifetime).UtcTicks, versionBeforeRead);
    }

    /// <summary>Drops every answer: a project or domain was written on this node.</summary>
    public void Forget() => Interlocked.Increment(ref _version);
}
