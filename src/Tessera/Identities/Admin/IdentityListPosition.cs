// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting.Pagination;

namespace Tessera.Identities.Admin;

/// <summary>Where a page of <c>GET /admin/identities</c> ends: the last identity's id (the list is ordered by id).</summary>
internal sealed record IdentityListPosition(Guid Id) : IPagePosition<IdentityListPosition>
{
    public IReadOnlyList<string> Parts => [Id.ToString("D")];

    public static IdentityListPosition? Read(IReadOnlyList<string> parts) =>
        parts.Count == 1 && Guid.TryParseExact(parts[0], "D", out var id) ? new IdentityListPosition(id) : null;
}
