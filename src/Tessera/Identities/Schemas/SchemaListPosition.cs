// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting.Pagination;

namespace Tessera.Identities.Schemas;

/// <summary>Where a page of <c>GET /schemas</c> ends: the last schema's id (the list keeps the configuration's order).</summary>
internal sealed record SchemaListPosition(string Id) : IPagePosition<SchemaListPosition>
{
    public IReadOnlyList<string> Parts => [Id];

    public static SchemaListPosition? Read(IReadOnlyList<string> parts) => parts.Count == 1 ? new SchemaListPosition(parts[0]) : null;
}
