// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Tessera.Persistence;

namespace Tessera.Sessions;

/// <summary>
/// The rendered whoami answer per session token hash, for <c>session.whoami.cache_ttl</c> (default 1s; 0 turns it
/// off). The bound: a session revoked or an identity changed on another node keeps answering here for at most the
/// TTL; on this node any session or identity write empties the cache at once (<see cref="LocalWrites"/>). An entry
/// never outlives the session's own expiry nor its idle deadline. Only successful answers are cached. A cache hit
/// does not count as a use for <c>session.idle_timeout</c>: within the TTL the miss before it was one.
/// </summary>
internal sealed class WhoamiCache(SessionOptions options, LocalWrites writes, NetworkContext network, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, WhoamiCacheEntry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string tokenHash, out WhoamiCacheEntry entry)
    {
        var key = Key(tokenHash);
        if (_entries.TryGetValue(key, out entry!))
        {
            var now = clock.GetUtcNow();
            if (entry.Version == writes.Version && now < entry.CachedUntil && now < entry.SessionExpiresAt)
            {
                return true;
            }

            _entries.TryRemove(key, out _);
        }

        return false;
    }

    // Per project: the same token hash served for another project's host must never find this project's answer.
    private string Key(string tokenHash) => $"{network.Id:N}|{tokenHash}";

    public void Set(string tokenHash, Session session, byte[] body, long versionBeforeRead)
    {
        if (options.WhoamiCacheTtl <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // UsableUntil: an entry never outlives the session's idle deadline either (session.idle_timeout).
        _entries[Key(tokenHash)] = new WhoamiCacheEntry(
            session.IdentityId, body, session.UsableUntil(options.IdleTimeout), clock.GetUtcNow() + options.WhoamiCacheTtl, versionBeforeRead);
    }
}
