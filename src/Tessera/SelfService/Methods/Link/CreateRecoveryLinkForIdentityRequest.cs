// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Link;

/// <summary>Kratos's <c>createRecoveryLinkForIdentityBody</c>.</summary>
internal sealed record CreateRecoveryLinkForIdentityRequest(string? IdentityId, string? ExpiresIn);
