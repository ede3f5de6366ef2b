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

    public static readonly ErrorDescriptor RecoveryLinkInvalid = new(
        "recovery_link_invalid", 400,
        "The recovery link is invalid or has already been used.",
        "The recovery token is invalid or has already been used. Please retry the flow.",
        "A recovery link (the link method) was opened without its token (4060003), with a token that does not belong to the flow, or a second time: each link works once (4060004). A link past `selfservice.methods.link.config.lifespan` gives 4060005 instead.",
        "Ask for a new link on the recovery page the browser was sent to, and open the newest e-mail's link once, whole (some mail clients cut long links).",
        "Opening a recovery link leads to a new recovery flow carrying 4060003 or 4060004")
    {
        UiMessageIds = "4060003, 4060004",
    };
}
