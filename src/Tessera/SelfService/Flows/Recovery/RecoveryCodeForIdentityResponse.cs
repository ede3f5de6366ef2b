// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Recovery;

/// <summary>Kratos's <c>recoveryCodeForIdentity</c>: the link opens the recovery UI on a flow waiting for the code.</summary>
internal sealed record RecoveryCodeForIdentityResponse(string RecoveryLink, string RecoveryCode, DateTimeOffset ExpiresAt);
