// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Verification;

/// <summary>Kratos's <c>continueWithVerificationUiFlow</c>; <c>url</c> only for browser flows.</summary>
internal sealed record ContinueWithVerificationUiFlow(Guid Id, string VerifiableAddress, string? Url);
