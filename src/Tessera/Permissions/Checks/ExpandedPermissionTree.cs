// SPDX-License-Identifier: Apache-2.0
using Tessera.Permissions.Tuples;

namespace Tessera.Permissions.Checks;

/// <summary>Keto's <c>expandedPermissionTree</c>: <c>union</c> nodes for subject sets, <c>leaf</c> nodes for subjects.</summary>
internal sealed record ExpandedPermissionTree(string Type, RelationTuple Tuple, List<ExpandedPermissionTree>? Children = null)
{
    public const string Union = "union";
    public const string Leaf = "leaf";
}
