// SPDX-License-Identifier: Apache-2.0
using Tessera.Permissions.Tuples;
using Tessera.Persistence;

namespace Tessera.Permissions.Checks;

/// <summary>
/// Keto's check without rewrites (no Ory Permission Language yet): the subject has the relation if the tuple exists,
/// or if it is a member of a subject set that has it, followed transitively. Depth follows Keto's engine exactly: with
/// a depth of d the tuple itself and chains of up to d tuples (d−1 subject-set hops) are found; a longer chain answers
/// not allowed, as Keto answers when the depth is used up, and a depth of 1 finds nothing (Keto's direct lookup already
/// costs one level). The search is breadth-first with one visited set, so each subject set is read once, at its
/// shallowest level, and a cycle ends instead of looping.
/// </summary>
internal sealed class CheckEngine(Database database, NetworkContext network, CheckCache cache, PermissionsOptions options)
{
    /// <summary>Subject sets visited per check at most: a bound on the work of one request, however wide the graph.</summary>
    public const int MaxVisited = 10_000;

    public async Task<bool> CheckAsync(RelationTuple tuple, int? requestedDepth, CancellationToken cancellationToken = default)
    {
        var depth = options.EffectiveDepth(requestedDepth);
        var key = CheckCache.Key(tuple, depth);
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var version = cache.Version;
        var allowed = await SearchAsync(tuple, depth, cancellationToken);
        cache.Set(key, allowed, version);
        return allowed;
    }

    private async Task<bool> SearchAsync(RelationTuple tuple, int depth, CancellationToken cancellationToken)
    {
        if (depth < 2)
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var start = new SubjectSet(tuple.Namespace, tuple.Object, tuple.Relation);
        var visited = new HashSet<SubjectSet> { start };
        List<SubjectSet> level = [start];

        // Level k holds the subject sets k hops from the object; Keto evaluates a node at level k while k < depth.
        for (var k = 0; k < depth && level.Count > 0; k++)
        {
            var next = new List<SubjectSet>();
            foreach (var node in level)
            {
                var (direct, sets) = await SubjectSetReader.ReadAsync(connection, network.Id, node, tuple);
                if (direct)
                {
                    return true;
                }

                foreach (var set in sets)
                {
                    if (visited.Count < MaxVisited && visited.Add(set))
                    {
                        next.Add(set);
                    }
                }
            }

            level = next;
        }

        return false;
    }
}
