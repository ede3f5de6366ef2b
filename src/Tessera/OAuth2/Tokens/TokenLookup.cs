// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Tessera.OAuth2.Clients;
using Tessera.Persistence;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// Finds an issued token by its value, answering hot tokens from memory for at most <see cref="CacheLifetime"/>.
/// The bound: a token revoked on another node still reads as active here for at most that long; a revocation on
/// this node empties the cache at once. An entry never outlives the token's own expiry. Unknown tokens are not
/// cached (a flood of garbage cannot fill the memory). A self-contained token (<see cref="SelfContainedTokens"/>)
/// is read from its value, with its revocation row and its client's token epoch read from the database on each miss,
/// so the same bound holds for it.
/// </summary>
internal sealed class TokenLookup(TokenStore store, OpaqueTokens opaque, SelfContainedTokens selfContained, ClientStore clients, NetworkContext network, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 100_000;
    private const int MaxTokenLength = 8192;

    private readonly ConcurrentDictionary<string, (StoredToken Token, DateTimeOffset Until, long Version)> _hot = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>The stored token for <paramref name="value"/>, or null when it was never issued here.</summary>
    public async Task<StoredToken?> FindAsync(string value, CancellationToken cancellationToken)
    {
        if (value.Length is 0 or > MaxTokenLength)
        {
            return null;
        }

        var signature = opaque.Signature(value);
        var now = clock.GetUtcNow();
        var version = Interlocked.Read(ref _version);
        // Per project: a token of one project must never read as active through another's host.
        var key = $"{network.Id:N}|{signature}";
        if (_hot.TryGetValue(key, out var entry) && entry.Version == version && now < entry.Until)
        {
            return entry.Token;
        }

        var token = await store.FindAsync(signature, cancellationToken) ?? await OpenAsync(value, signature, now, cancellationToken);
        if (token is not null)
        {
            if (_hot.Count >= MaxEntries)
            {
                _hot.Clear();
            }

            var until = now + CacheLifetime < token.ExpiresAt ? now + CacheLifetime : token.ExpiresAt;
            _hot[key] = (token, until, version);
        }

        return token;
    }

    /// <summary>A self-contained token without a row (so not revoked by itself), or null when it is not one.</summary>
    private async Task<StoredToken?> OpenAsync(string value, string signature, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!selfContained.TryOpen(value, out var claims))
        {
            return null;
        }

        // The client from the database, not ClientCache: this answer is cached for CacheLifetime, the bound in all. A
        // token of a deleted client, or issued before DELETE /admin/oauth2/tokens renewed the epoch, is revoked.
        var client = await clients.FindAsync(claims.ClientId, cancellationToken);
        var current = client is not null && string.Equals(client.TokenEpoch, claims.Epoch, StringComparison.Ordinal);
        return claims.ToStoredToken(signature, current ? null : now);
    }

    /// <summary>Drops every cached token: call after any revocation on this node.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _hot.Clear();
    }
}
