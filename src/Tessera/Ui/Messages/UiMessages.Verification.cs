// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>Address verification: 1080xxx (info) and 4070xxx (errors).</summary>
internal static partial class UiMessages
{
    public static readonly UiMessage InfoSelfServiceVerificationEmailSent = new(1080001, UiMessageType.Info, "An email containing a verification link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static readonly UiMessage InfoSelfServiceVerificationSuccessful = new(1080002, UiMessageType.Success, "You successfully verified your email address.");

    public static readonly UiMessage InfoSelfServiceVerificationEmailWithCodeSent = new(1080003, UiMessageType.Info, "An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static readonly UiMessage InfoSelfServiceVerificationPhoneWithCodeSent = new(1080004, UiMessageType.Info, "A text message containing a verification code has been sent to the phone number you provided. If you have not received a text message, check the spelling of the number and make sure to use the number you registered with.");

    public static readonly UiMessage InfoSelfServiceVerificationPhoneSuccessful = new(1080005, UiMessageType.Success, "You successfully verified your phone number.");

    // Dynamic: the text is the reason given in the context.
    public static readonly UiMessage ErrorValidationVerification = new(4070000, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorValidationVerificationTokenInvalidOrAlreadyUsed = new(4070001, UiMessageType.Error, "The verification token is invalid or has already been used. Please retry the flow.");

    public static readonly UiMessage ErrorValidationVerificationRetrySuccess = new(4070002, UiMessageType.Error, "The request was already completed successfully and can not be retried.");

    public static readonly UiMessage ErrorValidationVerificationStateFailure = new(4070003, UiMessageType.Error, "The verification flow reached a failure state and must be retried.");

    // Dynamic: the text is the reason given in the context.
    public static readonly UiMessage ErrorValidationVerificationMissingVerificationToken = new(4070004, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorValidationVerificationFlowExpired = new(4070005, UiMessageType.Error, "The verification flow expired {expired_at_unix_since_minutes:0.00} minutes ago, please try again.");

    public static readonly UiMessage ErrorValidationVerificationCodeInvalidOrAlreadyUsed = new(4070006, UiMessageType.Error, "The verification code is invalid or has already been used. Please try again.");
}
