// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// The key check without a database round trip per request: key rows by hash, and whether any key exists (what
/// <c>serve.admin.auth.required: auto</c> asks), per node, for at most <see cref="CacheLifetime"/>, as the whoami and
/// OAuth2 client caches keep theirs. A cached row carries what the key authorises (its kind and the project or
/// workspace it is bound to, read with it from the same row), so an answer from here never widens a key. The bound: a
/// key revoked or created on another node (or by the CLI) is answered from here for at most that long; on this node
/// every key write (<see cref="ApiKeyStore.Version"/>) drops the cache at once. Unknown hashes are not remembered:
/// nothing is gained by it, and a flood of made-up keys would only crowd out the real ones.
/// </summary>
internal sealed class ApiKeyCache(ApiKeyStore store, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _keys = new(StringComparer.Ordinal);
    private volatile AnyEntry? _any;

    /// <inheritdoc cref="ApiKeyStore.FindByHashAsync"/>
    public async ValueTask<(ApiKey Key, string Hash)?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(keyHash, out var entry))
        {
            if (entry.Version == store.Version && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
            {
                return (entry.Key, entry.Hash);
            }

            _keys.TryRemove(keyHash, out _);
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

            _keys[keyHash] = new Entry(match.Key, match.Hash, (clock.GetUtcNow() + CacheLifetime).UtcTicks, version);
        }

        return found;
    }

    /// <summary>Records in the cached row that this node wrote a use, so hits within the lifetime do not write it again.</summary>
    public void Used(string keyHash, DateTimeOffset at)
    {
        if (_keys.TryGetValue(keyHash, out var entry))
        {
            _keys.TryUpdate(keyHash, entry with { Key = entry.Key with { LastUsedAt = at } }, entry);
        }
    }

    /// <inheritdoc cref="ApiKeyStore.AnyAsync"/>
    public async ValueTask<bool> AnyAsync(CancellationToken cancellationToken)
    {
        if (_any is { } entry && entry.Version == store.Version && clock.GetUtcNow().UtcTicks < entry.UntilTicks)
        {
            return entry.Exists;
        }

        var version = store.Version;
        var exists = await store.AnyAsync(cancellationToken);
        _any = new AnyEntry(exists, (clock.GetUtcNow() + CacheLifetime).UtcTicks, version);
        return exists;
    }

    private sealed record Entry(ApiKey Key, string Hash, long UntilTicks, long Version);

    private sealed record AnyEntry(bool Exists, long UntilTicks, long Version);
}
