// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Tessera.Persistence;

namespace Tessera.RateLimiting;

/// <summary>
/// The in-memory fast path: only "this key is over its limit until T" is remembered, never "this key is fine".
/// Counts only grow until their window passes, so a key the shared counter put over the limit stays over it at
/// least until T on every node; a node answering from here never allows more than the shared limit. The one case
/// where it is stale is a reset by another node (a successful login clears the failure counters): this node may
/// go on refusing that key until T, at most two windows, and never longer.
/// </summary>
internal sealed class LocalBlocks(NetworkContext network)
{
    // Far above any honest working set; past it the map is emptied (losing only the fast path, never correctness).
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, long> _blockedUntil = new(StringComparer.Ordinal);

    public bool TryGet(string keyHash, long nowMs, out TimeSpan remaining)
    {
        var key = Key(keyHash);
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

    public void Block(string keyHash, long untilMs)
    {
        if (_blockedUntil.Count >= MaxEntries)
        {
            _blockedUntil.Clear();
        }

        _blockedUntil[Key(keyHash)] = untilMs;
    }

    public void Forget(string keyHash) => _blockedUntil.TryRemove(Key(keyHash), out _);

    // Per project, as the shared counters are (their rows carry nid): a key blocked in one project is not in another.
    private string Key(string keyHash) => $"{network.Id:N}|{keyHash}";
}
