// SPDX-License-Identifier: Apache-2.0
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
    // Keyed per project: the same tuple in two projects has two answers.
    private readonly LocalReadCache<(Guid Project, string Key), bool> _entries = new(() => writes.Version, clock, MaxEntries);

    public long Version => _entries.Version;

    /// <summary>Length-prefixed parts, so no object or subject id (which may hold any character) can forge another key.</summary>
    public static string Key(RelationTuple tuple, int depth)
    {
        static string Part(string? value) => value is null ? "-" : $"{value.Length}:{value}";
        var subject = tuple.SubjectSet is { } set
            ? $"s{Part(set.Namespace)}{Part(set.Object)}{Part(set.Relation)}"
            : $"i{Part(tuple.SubjectId)}";
        return $"{depth}|{Part(tuple.Namespace)}{Part(tuple.Object)}{Part(tuple.Relation)}{subject}";
    }

    public bool TryGet(string key, out bool allowed) => _entries.TryGet((network.Id, key), out allowed);

    /// <summary>Stores an answer read under <paramref name="versionBeforeRead"/>: a write during the read makes it stale at once.</summary>
    public void Set(string key, bool allowed, long versionBeforeRead)
    {
        if (options.CheckCacheTtl <= TimeSpan.Zero)
        {
            return;
        }

        _entries.Set((network.Id, key), allowed, clock.GetUtcNow() + options.CheckCacheTtl, versionBeforeRead);
    }
}
