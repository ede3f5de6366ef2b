// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;
using Tessera.Projects.Overlays;

namespace Tessera.Sessions;

/// <summary>
/// The rendered whoami answer per session token hash, for <c>session.whoami.cache_ttl</c> (default 1s; 0 turns it
/// off). The bound: a session revoked or an identity changed on another node keeps answering here for at most the
/// TTL; on this node any session or identity write empties the cache at once (<see cref="LocalWrites"/>). An entry
/// never outlives the session's own expiry nor its idle deadline. Only successful answers are cached. A cache hit
/// does not count as a use for <c>session.idle_timeout</c>: within the TTL the miss before it was one.
/// </summary>
internal sealed class WhoamiCache(ProjectOptions<SessionOptions> options, LocalWrites writes, NetworkContext network, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    // Keyed per project: a token hash presented on another project's host must never find this project's answer.
    private readonly LocalReadCache<(Guid Project, string TokenHash), WhoamiCacheEntry> _entries = new(() => writes.Version, clock, MaxEntries);

    public bool TryGet(string tokenHash, out WhoamiCacheEntry entry) => _entries.TryGet((network.Id, tokenHash), out entry);

    public void Set(string tokenHash, Session session, byte[] body, long versionBeforeRead)
    {
        if (options.Value.WhoamiCacheTtl <= TimeSpan.Zero)
        {
            return;
        }

        // UsableUntil: an entry never outlives the session's expiry nor its idle deadline (session.idle_timeout).
        var cachedUntil = clock.GetUtcNow() + options.Value.WhoamiCacheTtl;
        var usableUntil = session.UsableUntil(options.Value.IdleTimeout);
        _entries.Set((network.Id, tokenHash), new WhoamiCacheEntry(session.IdentityId, body), usableUntil < cachedUntil ? usableUntil : cachedUntil, versionBeforeRead);
    }
}
