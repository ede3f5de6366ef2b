// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// Finds an issued token by its value, answering hot tokens from memory for at most <see cref="CacheLifetime"/>.
/// The bound: a token revoked on another node still reads as active here for at most that long; a revocation on
/// this node empties the cache at once. An entry never outlives the token's own expiry. Unknown tokens are not
/// cached (a flood of garbage cannot fill the memory).
/// </summary>
internal sealed class TokenLookup(TokenStore store, OpaqueTokens opaque, TimeProvider clock)
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
        if (_hot.TryGetValue(signature, out var entry) && entry.Version == version && now < entry.Until)
        {
            return entry.Token;
        }

        var token = await store.FindAsync(signature, cancellationToken);
        if (token is not null)
        {
            if (_hot.Count >= MaxEntries)
            {
                _hot.Clear();
            }

            var until = now + CacheLifetime < token.ExpiresAt ? now + CacheLifetime : token.ExpiresAt;
            _hot[signature] = (token, until, version);
        }

        return token;
    }

    /// <summary>Drops every cached token: call after any revocation on this node.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _hot.Clear();
    }
}
