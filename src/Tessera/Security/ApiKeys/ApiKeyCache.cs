// SPDX-License-Identifier: Apache-2.0
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

    private readonly LocalReadCache<(Guid Nid, string Hash), (ApiKey Key, string Hash)> _keys = new(() => store.Version, clock, MaxEntries);
    private readonly LocalReadCache<(Guid Nid, string Kind), bool> _kinds = new(() => store.Version, clock, MaxEntries);

    /// <inheritdoc cref="ApiKeyStore.FindByHashAsync"/>
    public async ValueTask<(ApiKey Key, string Hash)?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        var slot = (network.Id, keyHash);
        if (_keys.TryGet(slot, out var cached))
        {
            return cached;
        }

        // Read under the version taken before the read: a write on this node during it makes the entry stale at once.
        var version = _keys.Version;
        var found = await store.FindByHashAsync(keyHash, cancellationToken);
        if (found is { } match)
        {
            _keys.Set(slot, match, clock.GetUtcNow() + CacheLifetime, version);
        }

        return found;
    }

    /// <summary>Records in the cached row that this node wrote a use, so hits within the lifetime do not write it again.</summary>
    public void Used(string keyHash, DateTimeOffset at) =>
        _keys.Update((network.Id, keyHash), entry => entry with { Key = entry.Key with { LastUsedAt = at } });

    /// <inheritdoc cref="ApiKeyStore.AnyAsync"/>
    public async ValueTask<bool> AnyAsync(string kind, CancellationToken cancellationToken)
    {
        var slot = (network.Id, kind);
        if (_kinds.TryGet(slot, out var exists))
        {
            return exists;
        }

        var version = _kinds.Version;
        exists = await store.AnyAsync(kind, cancellationToken);
        _kinds.Set(slot, exists, clock.GetUtcNow() + CacheLifetime, version);
        return exists;
    }
}
