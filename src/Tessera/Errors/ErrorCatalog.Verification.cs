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

    public static readonly ErrorDescriptor VerificationLinkInvalid = new(
        "verification_link_invalid", 400,
        "The verification link is invalid or has already been used.",
        "The verification token is invalid or has already been used. Please retry the flow.",
        "A verification link (the link method) was opened without its token (4070004), with a token that does not belong to the flow, or a second time: each link works once (4070001). A link past `selfservice.methods.link.config.lifespan` gives 4070005 instead.",
        "Ask for a new link on the verification page the browser was sent to, and open the newest e-mail's link once, whole.",
        "Opening a verification link leads to a new verification flow carrying 4070001 or 4070004")
    {
        UiMessageIds = "4070001, 4070004",
    };
}
