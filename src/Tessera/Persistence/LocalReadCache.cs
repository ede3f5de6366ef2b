// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;

namespace Tessera.Persistence;

/// <summary>
/// The mechanics of this node's read caches (whoami, check answers, OAuth2 clients, admin keys): an answer read from
/// the database is kept until its deadline, and only while the local write version it was read under is current, so a
/// write on this node drops it at once and a write on another node is bounded by the deadline. The bound on memory:
/// at <c>maxEntries</c> the cache starts over rather than evicting one by one, which is cheap and keeps no order.
/// </summary>
internal sealed class LocalReadCache<TKey, TValue>(Func<long> version, TimeProvider clock, int maxEntries, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);

    /// <summary>The local write version now: take it before the read whose answer goes to <see cref="Set"/>.</summary>
    public long Version => version();

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.Version == version() && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
            {
                value = entry.Value;
                return true;
            }

            _entries.TryRemove(key, out _);
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps an answer read under <paramref name="versionBeforeRead"/>: a write during the read makes it stale at once.</summary>
    public void Set(TKey key, TValue value, DateTimeOffset until, long versionBeforeRead)
    {
        if (_entries.Count >= maxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(value, until.UtcTicks, versionBeforeRead);
    }

    /// <summary>Changes a kept answer in place (same deadline and version); a no-op when there is none or it changed meanwhile.</summary>
    public void Update(TKey key, Func<TValue, TValue> change)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            _entries.TryUpdate(key, entry with { Value = change(entry.Value) }, entry);
        }
    }

    private readonly record struct Entry(TValue Value, long UntilTicks, long Version);
}
