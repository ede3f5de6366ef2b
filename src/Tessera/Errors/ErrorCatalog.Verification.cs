// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the address-verification flow.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor VerificationCodeInvalid = new(
        "verification_code_invalid", 400,
        "The verification code is invalid or has already been used.",
        "The verification code is invalid or has already been used. Please try again.",
        "The code does not match the one sent for this flow: it was mistyped, already used, sent for another address or flow, outlived `selfservice.methods.code.config.lifespan`, or the flow has used up its `selfservice.methods.code.config.max_submissions` guesses (default 5).",
        "Enter the code from the newest message, or ask for a new one (resend); once the flow's guesses are used up, start a new flow.",
        "Verification is re-rendered with message 4070006")
    {
        UiMessageIds = "4070006",
    };
}
