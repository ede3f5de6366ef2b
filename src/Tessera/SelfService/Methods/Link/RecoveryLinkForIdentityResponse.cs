// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Link;

/// <summary>Kratos's <c>recoveryLinkForIdentity</c>: the one-time link that signs the identity in, and when it stops working.</summary>
internal sealed record RecoveryLinkForIdentityResponse(string RecoveryLink, DateTimeOffset ExpiresAt);
