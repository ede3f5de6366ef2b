// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>Registration: 1040xxx (info) and 4040xxx (errors).</summary>
internal static partial class UiMessages
{
    public static readonly UiMessage InfoSelfServiceRegistration = new(1040001, UiMessageType.Info, "Sign up");

    public static readonly UiMessage InfoSelfServiceRegistrationWith = new(1040002, UiMessageType.Info, "Sign up with {provider}");

    public static readonly UiMessage InfoSelfServiceRegistrationContinue = new(1040003, UiMessageType.Info, "Continue");

    public static readonly UiMessage InfoSelfServiceRegistrationRegisterWebAuthn = new(1040004, UiMessageType.Info, "Sign up with security key");

    public static readonly UiMessage InfoSelfServiceRegistrationEmailWithCodeSent = new(1040005, UiMessageType.Info, "A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.");

    public static readonly UiMessage InfoSelfServiceRegistrationRegisterCode = new(1040006, UiMessageType.Info, "Send sign up code");

    public static readonly UiMessage InfoSelfServiceRegistrationRegisterPasskey = new(1040007, UiMessageType.Info, "Sign up with passkey");

    public static readonly UiMessage InfoSelfServiceRegistrationBack = new(1040008, UiMessageType.Info, "Back");

    public static readonly UiMessage InfoSelfServiceRegistrationChooseCredentials = new(1040009, UiMessageType.Info, "Please choose a credential to authenticate yourself with.");

    // Dynamic: the text is the reason given in the context.
    public static readonly UiMessage ErrorValidationRegistration = new(4040000, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorValidationRegistrationFlowExpired = new(4040001, UiMessageType.Error, "The registration flow expired {expired_at_unix_since_minutes:0.00} minutes ago, please try again.");

    public static readonly UiMessage ErrorValidationRegistrationRetrySuccess = new(4040002, UiMessageType.Error, "The request was already completed successfully and can not be retried.");

    public static readonly UiMessage ErrorValidationRegistrationCodeInvalidOrAlreadyUsed = new(4040003, UiMessageType.Error, "The registration code is invalid or has already been used. Please try again.");
}
