// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Tessera.Persistence;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// The admin-key check without a database round trip per request: key rows by hash, and whether a key of a kind
/// exists (what <c>serve.admin.auth.required: auto</c> asks), per node and per project (<c>nid</c>), for at most
/// <see cref="CacheLifetime"/>, as the whoami and OAuth2 client caches keep theirs. The bound: a key revoked or
/// created on another node (or by the CLI) is answered from here for at most that long; on this node every key write
/// (<see cref="ApiKeyStore.Version"/>) drops the cache at once. Unknown hashes are not remembered: nothing is gained by
/// it, and a flood of made-up keys would only crowd out the real ones.
/// </summary>
internal sealed class ApiKeyCache(ApiKeyStore store, NetworkContext network, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(Guid Nid, string Hash), Entry> _keys = new();
    private readonly ConcurrentDictionary<(Guid Nid, string Kind), (bool Exists, long UntilTicks, long Version)> _kinds = new();

    /// <inheritdoc cref="ApiKeyStore.FindByHashAsync"/>
    public async ValueTask<(ApiKey Key, string Hash)?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        var slot = (network.Id, keyHash);
        if (_keys.TryGetValue(slot, out var entry))
        {
            if (entry.Version == store.Version && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
            {
                return (entry.Key, entry.Hash);
            }

            _keys.TryRemove(slot, out _);
        }

        // Read under the version taken before the read: a write on this node during it makes the entry stale at once.
        var version = store.Version;
        var found = await store.FindByHashAsync(keyHash, cancellationToken);
        if (found is { } match)
        {
            if (_keys.Count >= MaxEntries)
            {
                _keys.Clear();
            }

            _keys[slot] = new Entry(match.Key, match.Hash, (clock.GetUtcNow() + CacheLifetime).UtcTicks, version);
        }

        return found;
    }

    /// <summary>Records in the cached row that this node wrote a use, so hits within the lifetime do not write it again.</summary>
    public void Used(string keyHash, DateTimeOffset at)
    {
        var slot = (network.Id, keyHash);
        if (_keys.TryGetValue(slot, out var entry))
        {
            _keys.TryUpdate(slot, entry with { Key = entry.Key with { LastUsedAt = at } }, entry);
        }
    }

    /// <inheritdoc cref="ApiKeyStore.AnyAsync"/>
    public async ValueTask<bool> AnyAsync(string kind, CancellationToken cancellationToken)
    {
        var slot = (network.Id, kind);
        if (_kinds.TryGetValue(slot, out var entry) && entry.Version == store.Version && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
        {
            return entry.Exists;
        }

        var version = store.Version;
        var exists = await store.AnyAsync(kind, cancellationToken);
        _kinds[slot] = (exists, (clock.GetUtcNow() + CacheLifetime).UtcTicks, version);
        return exists;
    }

    private sealed record Entry(ApiKey Key, string Hash, long UntilTicks, long Version);
}
