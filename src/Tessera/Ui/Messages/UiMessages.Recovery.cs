// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>Account recovery: 1060xxx (info) and 4060xxx (errors).</summary>
internal static partial class UiMessages
{
    public static readonly UiMessage InfoSelfServiceRecoverySuccessful = new(1060001, UiMessageType.Success, "You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next {privileged_session_expires_at_unix_until_minutes:0.00} minutes.");

    public static readonly UiMessage InfoSelfServiceRecoveryEmailSent = new(1060002, UiMessageType.Info, "An email containing a recovery link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static readonly UiMessage InfoSelfServiceRecoveryEmailWithCodeSent = new(1060003, UiMessageType.Info, "An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static readonly UiMessage InfoSelfServiceRecoveryMessageMaskedWithCodeSent = new(1060004, UiMessageType.Info, "A recovery code has been sent to {masked_address}. If you have not received it, check the spelling of the address and make sure to use the address you registered with.");

    public static readonly UiMessage InfoSelfServiceRecoveryAskForFullAddress = new(1060005, UiMessageType.Info, "Recover access to your account by providing your recovery address in full.");

    public static readonly UiMessage InfoSelfServiceRecoveryAskToChooseAddress = new(1060006, UiMessageType.Info, "How do you want to recover your account?");

    public static readonly UiMessage InfoSelfServiceRecoveryBack = new(1060007, UiMessageType.Info, "Back");

    // Dynamic: the text is the reason given in the context.
    public static readonly UiMessage ErrorValidationRecovery = new(4060000, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorValidationRecoveryRetrySuccess = new(4060001, UiMessageType.Error, "The request was already completed successfully and can not be retried.");

    public static readonly UiMessage ErrorValidationRecoveryStateFailure = new(4060002, UiMessageType.Error, "The recovery flow reached a failure state and must be retried.");

    // Dynamic: the text is the reason given in the context.
    public static readonly UiMessage ErrorValidationRecoveryMissingRecoveryToken = new(4060003, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorValidationRecoveryTokenInvalidOrAlreadyUsed = new(4060004, UiMessageType.Error, "The recovery token is invalid or has already been used. Please retry the flow.");

    public static readonly UiMessage ErrorValidationRecoveryFlowExpired = new(4060005, UiMessageType.Error, "The recovery flow expired {expired_at_unix_since_minutes:0.00} minutes ago, please try again.");

    public static readonly UiMessage ErrorValidationRecoveryCodeInvalidOrAlreadyUsed = new(4060006, UiMessageType.Error, "The recovery code is invalid or has already been used. Please try again.");
}
