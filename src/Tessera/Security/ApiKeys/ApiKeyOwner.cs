// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>
/// Whose keys: a kind and what it is bound to. Admin keys belong to the default project's row (<c>nid</c>), project
/// keys to their project (<c>nid</c>), workspace keys to their workspace (<c>workspace_id</c>; their <c>nid</c> is
/// the default project's, which is never deleted).
/// </summary>
internal sealed record ApiKeyOwner(ApiKeyKind Kind, Guid Scope)
{
    /// <summary>The column that holds <see cref="Scope"/>.</summary>
    public string ScopeColumn => Kind == ApiKeyKind.Workspace ? "workspace_id" : "nid";
}
