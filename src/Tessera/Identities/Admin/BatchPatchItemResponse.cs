// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities.Admin;

/// <summary>Kratos's <c>identityPatchResponse</c>: <c>action</c> is <c>create</c> (with the identity id) or <c>error</c>.</summary>
internal sealed record BatchPatchItemResponse(string Action, Guid? Identity, Guid? PatchId, BatchPatchError? Error);
