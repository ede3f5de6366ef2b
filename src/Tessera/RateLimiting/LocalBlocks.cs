// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;

namespace Tessera.RateLimiting;

/// <summary>
/// The in-memory fast path: only "this key is over its limit until T" is remembered, never "this key is fine".
/// Counts only grow until their window passes, so a key the shared counter put over the limit stays over it at
/// least until T on every node; a node answering from here never allows more than the shared limit. The one case
/// where it is stale is a reset by another node (a successful login clears the failure counters): this node may
/// go on refusing that key until T, at most two windows, and never longer.
/// </summary>
internal sealed class LocalBlocks
{
    // Far above any honest working set; past it the map is emptied (losing only the fast path, never correctness).
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, long> _blockedUntil = new(StringComparer.Ordinal);

    public bool TryGet(RateLimitScope scope, string keyHash, long nowMs, out TimeSpan remaining)
    {
        var key = Key(scope, keyHash);
        if (_blockedUntil.TryGetValue(key, out var until))
        {
            if (until > nowMs)
            {
                remaining = TimeSpan.FromMilliseconds(until - nowMs);
                return true;
            }

            _blockedUntil.TryRemove(new KeyValuePair<string, long>(key, until));
        }

        remaining = TimeSpan.Zero;
        return false;
    }

    public void Block(RateLimitScope scope, string keyHash, long untilMs)
    {
        if (_blockedUntil.Count >= MaxEntries)
        {
            _blockedUntil.Clear();
        }

        _blockedUntil[Key(scope, keyHash)] = untilMs;
    }

    public void Forget(RateLimitScope scope, string keyHash) => _blockedUntil.TryRemove(Key(scope, keyHash), out _);

    // Per scope, as the shared counters are: a key blocked in one project is not in another, and a key blocked by its
    // workspace's aggregate is blocked in every project of the workspace.
    private static string Key(RateLimitScope scope, string keyHash) => $"{scope.Name}|{scope.Id:N}|{keyHash}";
}
