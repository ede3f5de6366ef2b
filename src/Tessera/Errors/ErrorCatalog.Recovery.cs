// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the account-recovery flow.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor RecoveryCodeInvalid = new(
        "recovery_code_invalid", 400,
        "The recovery code is invalid or has already been used.",
        "The recovery code is invalid or has already been used. Please try again.",
        "The code does not match the one sent for this flow, was already used, or belongs to another flow.",
        "Enter the code from the newest message, or request a new code.",
        "Recovery is re-rendered with message 4060006")
    {
        UiMessageIds = "4060006",
    };
}
