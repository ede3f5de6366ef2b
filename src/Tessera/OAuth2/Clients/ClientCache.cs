// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// Clients for the token path, per node, for at most <see cref="CacheLifetime"/>, as the whoami cache keeps sessions.
/// The bound: a client updated, deleted or given a new secret on another node is answered from here for at most that
/// long; on this node every client write (<see cref="ClientStore"/>, through <see cref="LocalWrites"/>) drops the
/// cache at once. Unknown ids are remembered too, so a second try costs what it costs for a known client.
/// </summary>
internal sealed class ClientCache(ClientStore store, LocalWrites writes, NetworkContext network, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 10_000;
    private const int MaxClientIdLength = 512;

    // Keyed per project: a client id of one project must never answer for another's host.
    private readonly LocalReadCache<(Guid Project, string ClientId), OAuth2Client?> _entries = new(() => writes.Version, clock, MaxEntries);

    public async ValueTask<OAuth2Client?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        // Read under the version taken before the read: a write on this node during it makes the entry stale at once.
        var version = _entries.Version;
        var key = (network.Id, clientId);
        if (_entries.TryGet(key, out var cached))
        {
            return cached;
        }

        var client = await store.FindAsync(clientId, cancellationToken);
        if (clientId.Length <= MaxClientIdLength)
        {
            _entries.Set(key, client, clock.GetUtcNow() + CacheLifetime, version);
        }

        return client;
    }
}
