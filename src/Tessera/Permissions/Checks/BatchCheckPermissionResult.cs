// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Checks;

/// <summary>Keto's <c>batchCheckPermissionResult</c>: one result per tuple, in the order asked.</summary>
internal sealed record BatchCheckPermissionResult(IReadOnlyList<CheckPermissionResult> Results);
