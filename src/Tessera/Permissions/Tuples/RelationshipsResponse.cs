// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Tuples;

/// <summary>Keto's <c>relationships</c>: one page and the token of the next ("" when this is the last page).</summary>
internal sealed record RelationshipsResponse(IReadOnlyList<RelationTuple> RelationTuples, string NextPageToken);
