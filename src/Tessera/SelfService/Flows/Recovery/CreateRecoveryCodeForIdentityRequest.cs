// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Recovery;

/// <summary>Kratos's <c>createRecoveryCodeForIdentityBody</c>.</summary>
internal sealed record CreateRecoveryCodeForIdentityRequest(string? IdentityId, string? ExpiresIn, string? FlowType);
