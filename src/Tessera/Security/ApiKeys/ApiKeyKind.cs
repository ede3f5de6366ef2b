// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>
/// What a key may administer, stored as <c>api_keys.kind</c> and spelled in the key's prefix. Only admin keys exist
/// today (the whole admin API of this deployment); project and workspace kinds join this list with tenancy.
/// </summary>
internal sealed record ApiKeyKind(string Name, string Prefix)
{
    public static readonly ApiKeyKind Admin = new("admin", "tessera_admin_");

    public static IReadOnlyList<ApiKeyKind> All { get; } = [Admin];
}
