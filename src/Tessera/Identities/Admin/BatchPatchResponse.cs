// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities.Admin;

/// <summary>Kratos's <c>batchPatchIdentitiesResponse</c>: one result per patch, in order.</summary>
internal sealed record BatchPatchResponse(IReadOnlyList<BatchPatchItemResponse> Identities);
