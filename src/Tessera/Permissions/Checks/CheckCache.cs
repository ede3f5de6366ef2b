// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Tessera.Permissions.Tuples;
using Tessera.Persistence;

namespace Tessera.Permissions.Checks;

/// <summary>
/// Check answers per (tuple, depth) for <c>permissions.check_cache_ttl</c> (default 1s; 0 turns it off), like the
/// whoami cache. The bound: a tuple written or deleted on another node changes this node's answers within the TTL; on
/// this node any write (tuples, identities, sessions: <see cref="LocalWrites"/>) drops every cached answer at once.
/// </summary>
internal sealed class CheckCache(PermissionsOptions options, LocalWrites writes, NetworkContext network, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, (bool Allowed, long ExpiresAtTicks, long Version)> _entries = new(StringComparer.Ordinal);

    public long Version => writes.Version;

    /// <summary>Length-prefixed parts, so no object or subject id (which may hold any character) can forge another key.</summary>
    public static string Key(RelationTuple tuple, int depth)
    {
        static string Part(string? value) => value is null ? "-" : $"{value.Length}:{value}";
        var subject = tuple.SubjectSet is { } set
            ? $"s{Part(set.Namespace)}{Part(set.Object)}{Part(set.Relation)}"
            : $"i{Part(tuple.SubjectId)}";
        return $"{depth}|{Part(tuple.Namespace)}{Part(tuple.Object)}{Part(tuple.Relation)}{subject}";
    }

    // Per project: the same tuple in two projects has two answers.
    private string ForProject(string key) => $"{network.Id:N}|{key}";

    public bool TryGet(string key, out bool allowed)
    {
        var projectKey = ForProject(key);
        if (_entries.TryGetValue(projectKey, out var entry))
        {
            if (entry.Version == writes.Version && clock.GetUtcNow().UtcTicks < entry.ExpiresAtTicks)
            {
                allowed = entry.Allowed;
                return true;
            }

            _entries.TryRemove(projectKey, out _);
        }

        allowed = false;
        return false;
    }

    /// <summary>Stores an answer read under <paramref name="versionBeforeRead"/>: a write during the read makes it stale at once.</summary>
    public void Set(string key, bool allowed, long versionBeforeRead)
    {
        if (options.CheckCacheTtl <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[ForProject(key)] = (allowed, (clock.GetUtcNow() + options.CheckCacheTtl).UtcTicks, versionBeforeRead);
    }
}
