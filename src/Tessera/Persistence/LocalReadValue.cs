// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence;

/// <summary>
/// One answer of this node's read caches (is there any admin key?), kept as <see cref="LocalReadCache{TKey, TValue}"/>
/// keeps each of its entries: until its deadline, and only while the local write version it was read under is current.
/// </summary>
internal sealed class LocalReadValue<T>(Func<long> version, TimeProvider clock)
{
    private Entry? _entry;

    /// <summary>The local write version now: take it before the read whose answer goes to <see cref="Set"/>.</summary>
    public long Version => version();

    public bool TryGet(out T value)
    {
        if (Volatile.Read(ref _entry) is { } entry && entry.Version == version() && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps an answer read under <paramref name="versionBeforeRead"/>: a write during the read makes it stale at once.</summary>
    public void Set(T value, DateTimeOffset until, long versionBeforeRead) =>
        Volatile.Write(ref _entry, new Entry(value, until.UtcTicks, versionBeforeRead));

    private sealed record Entry(T Value, long UntilTicks, long Version);
}
