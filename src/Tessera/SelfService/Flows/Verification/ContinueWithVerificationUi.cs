// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Verification;

/// <summary>Kratos's <c>continueWithVerificationUi</c>: a verification flow waiting for the code just e-mailed.</summary>
internal sealed record ContinueWithVerificationUi(ContinueWithVerificationUiFlow Flow)
{
    public string Action => "show_verification_ui";
}
