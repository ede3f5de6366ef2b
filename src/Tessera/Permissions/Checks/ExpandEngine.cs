// SPDX-License-Identifier: Apache-2.0
using Tessera.Permissions.Tuples;

namespace Tessera.Permissions.Checks;

/// <summary>
/// Keto's expand: the subject set's tuples as a tree, subject sets expanded into <c>union</c> nodes until the depth is
/// used up (the last level is a <c>leaf</c> naming the set), a set seen before a <c>leaf</c> (cycles end), at most
/// <c>permissions.limit.max_expand_size</c> tuples in all. <c>null</c> when the set has no tuples (Keto's 404).
/// </summary>
internal sealed class ExpandEngine(RelationTupleStore store, PermissionsOptions options)
{
    private const int PageSize = 1000;

    public async Task<ExpandedPermissionTree?> ExpandAsync(SubjectSet root, int? requestedDepth, CancellationToken cancellationToken = default)
    {
        var budget = new int[] { options.MaxExpandSize };
        return await BuildAsync(root, options.EffectiveDepth(requestedDepth), [], budget, cancellationToken);
    }

    private async Task<ExpandedPermissionTree?> BuildAsync(
        SubjectSet set, int depth, HashSet<SubjectSet> visited, int[] budget, CancellationToken cancellationToken)
    {
        if (!visited.Add(set))
        {
            return null;
        }

        var self = new RelationTuple(set.Namespace, set.Object, set.Relation, null, set);
        var tuples = await store.ListAsync(new RelationQuery(set.Namespace, set.Object, set.Relation, null, null), null,
            Math.Max(1, Math.Min(PageSize, budget[0])), cancellationToken);
        if (tuples.Count == 0)
        {
            return null;
        }

        if (depth <= 1)
        {
            return new ExpandedPermissionTree(ExpandedPermissionTree.Leaf, self);
        }

        var children = new List<ExpandedPermissionTree>();
        foreach (var row in tuples)
        {
            if (budget[0]-- <= 0)
            {
                break;
            }

            var tuple = row.ToTuple();
            var child = tuple.SubjectSet is { } inner
                ? await BuildAsync(inner, depth - 1, visited, budget, cancellationToken)
                : null;
            children.Add(child ?? new ExpandedPermissionTree(ExpandedPermissionTree.Leaf, tuple));
        }

        return new ExpandedPermissionTree(ExpandedPermissionTree.Union, self, children);
    }
}
