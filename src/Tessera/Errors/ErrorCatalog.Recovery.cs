// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the account-recovery flow.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor RecoveryCodeInvalid = new(
        "recovery_code_invalid", 400,
        "The recovery code is invalid or has already been used.",
        "The recovery code is invalid or has already been used. Please try again.",
        "The code does not match the one sent for this flow, was already used, belongs to another flow, outlived `selfservice.methods.code.config.lifespan`, or the flow has used up its `selfservice.methods.code.config.max_submissions` guesses (default 5), after which it refuses every code.",
        "Enter the code from the newest message, or ask for a new one (resend); once the flow's guesses are used up, start a new flow.",
        "Recovery is re-rendered with message 4060006")
    {
        UiMessageIds = "4060006",
    };
}
