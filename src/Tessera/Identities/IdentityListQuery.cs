// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>
/// One page of <c>GET /admin/identities</c>: keyset pagination on the id (stable under concurrent inserts, no
/// OFFSET scans), optionally narrowed by one filter (Kratos does not combine them). <see cref="Offset"/> serves only
/// the deprecated page / per_page parameters. <see cref="TraitsContaining"/> (the operator console's trait search,
/// not a Kratos filter) matches a case-insensitive substring of the traits' JSON: a scan, fine for an operator's search.
/// </summary>
internal sealed record IdentityListQuery(
    int PageSize,
    Guid? After = null,
    IReadOnlyList<Guid>? Ids = null,
    string? CredentialsIdentifier = null,
    string? CredentialsIdentifierSimilar = null,
    long Offset = 0,
    string? TraitsContaining = null);
