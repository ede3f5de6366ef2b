// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Checks;

/// <summary>Keto's <c>checkPermissionResult</c> (and, with <see cref="Error"/>, one result of a batch check).</summary>
internal sealed record CheckPermissionResult(bool Allowed, string? Error = null);
