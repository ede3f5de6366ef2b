// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>Login: 1010xxx (info) and 4010xxx (errors), including the "no strategy" messages every flow uses.</summary>
internal static partial class UiMessages
{
    public static readonly UiMessage InfoSelfServiceLogin = new(1010001, UiMessageType.Info, "Sign in");

    public static readonly UiMessage InfoSelfServiceLoginWith = new(1010002, UiMessageType.Info, "Sign in with {provider}");

    public static readonly UiMessage InfoSelfServiceLoginReAuth = new(1010003, UiMessageType.Info, "Please confirm this action by verifying that it is you.");

    public static readonly UiMessage InfoSelfServiceLoginMFA = new(1010004, UiMessageType.Info, "Please complete the second authentication challenge.");

    public static readonly UiMessage InfoSelfServiceLoginVerify = new(1010005, UiMessageType.Info, "Verify");

    public static readonly UiMessage InfoSelfServiceLoginTOTPLabel = new(1010006, UiMessageType.Info, "Authentication code");

    public static readonly UiMessage InfoLoginLookupLabel = new(1010007, UiMessageType.Info, "Backup recovery code");

    public static readonly UiMessage InfoSelfServiceLoginWebAuthn = new(1010008, UiMessageType.Info, "Sign in with a hardware key");

    public static readonly UiMessage InfoLoginTOTP = new(1010009, UiMessageType.Info, "Use Authenticator");

    public static readonly UiMessage InfoLoginLookup = new(1010010, UiMessageType.Info, "Use backup recovery code");

    public static readonly UiMessage InfoSelfServiceLoginContinueWebAuthn = new(1010011, UiMessageType.Info, "Sign in with a hardware key");

    public static readonly UiMessage InfoSelfServiceLoginWebAuthnPasswordless = new(1010012, UiMessageType.Info, "Prepare your WebAuthn device (e.g. security key, biometrics scanner, ...) and press continue.");

    public static readonly UiMessage InfoSelfServiceLoginContinue = new(1010013, UiMessageType.Info, "Continue");

    public static readonly UiMessage InfoSelfServiceLoginCodeSent = new(1010014, UiMessageType.Info, "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.");

    public static readonly UiMessage InfoSelfServiceLoginCode = new(1010015, UiMessageType.Info, "Send sign in code");

    public static readonly UiMessage InfoSelfServiceLoginLink = new(1010016, UiMessageType.Info, "You tried to sign in with \"{duplicate_identifier}\", but that email is already used by another account. Sign in to your account with one of the options below to add your account \"{duplicate_identifier}\" at \"{provider}\" as another way to sign in.");

    public static readonly UiMessage InfoSelfServiceLoginAndLink = new(1010017, UiMessageType.Info, "Sign in and link");

    public static readonly UiMessage InfoSelfServiceLoginWithAndLink = new(1010018, UiMessageType.Info, "Confirm with {provider}");

    public static readonly UiMessage InfoSelfServiceLoginCodeMFA = new(1010019, UiMessageType.Info, "Request code to continue");

    public static readonly UiMessage InfoSelfServiceLoginPasskey = new(1010021, UiMessageType.Info, "Sign in with passkey");

    public static readonly UiMessage InfoSelfServiceLoginPassword = new(1010022, UiMessageType.Info, "Sign in with password");

    public static readonly UiMessage InfoSelfServiceLoginAAL2CodeAddress = new(1010023, UiMessageType.Info, "Send code to {address}");

    public static readonly UiMessage InfoSelfServiceLoginDeviceAuthn = new(1010024, UiMessageType.Info, "Sign in with a hardware key");

    public static readonly UiMessage InfoSelfServiceLoginCodeSentForAuthenticatedUser = new(1010025, UiMessageType.Info, "A code was sent to your address. If you didn't receive it, please try again.");

    // Dynamic: the text is the reason given in the context.
    public static readonly UiMessage ErrorValidationLogin = new(4010000, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorValidationLoginFlowExpired = new(4010001, UiMessageType.Error, "The login flow expired {expired_at_unix_since_minutes:0.00} minutes ago, please try again.");

    public static readonly UiMessage ErrorValidationLoginNoStrategyFound = new(4010002, UiMessageType.Error, "Could not find a strategy to log you in with. Did you fill out the form correctly?");

    // 4010001-4010011 (and the other codes of seed 000's appendix) read as the seed writes them, context rendered.
    public static readonly UiMessage ErrorValidationRegistrationNoStrategyFound = new(4010003, UiMessageType.Error, "Could not find a strategy to register you with. Did you fill out the form correctly?");

    public static readonly UiMessage ErrorValidationSettingsNoStrategyFound = new(4010004, UiMessageType.Error, "Could not find a strategy to update your settings with. Did you fill out the form correctly?");

    public static readonly UiMessage ErrorValidationRecoveryNoStrategyFound = new(4010005, UiMessageType.Error, "Could not find a strategy to recover your account with.");

    public static readonly UiMessage ErrorValidationVerificationNoStrategyFound = new(4010006, UiMessageType.Error, "Could not find a strategy to verify your address with.");

    public static readonly UiMessage ErrorValidationLoginRetrySuccess = new(4010007, UiMessageType.Error, "The request was already completed successfully and can not be retried.");

    public static readonly UiMessage ErrorValidationLoginCodeInvalidOrAlreadyUsed = new(4010008, UiMessageType.Error, "The login code is invalid or has already been used. Please try again.");

    public static readonly UiMessage ErrorValidationLoginLinkedCredentialsDoNotMatch = new(4010009, UiMessageType.Error, "Linked credentials do not match.");

    public static readonly UiMessage ErrorValidationLoginAddressUnknown = new(4010010, UiMessageType.Error, "The address you entered does not match any known addresses in the current account.");

    public static readonly UiMessage ErrorValidationIdentityDisabled = new(4010011, UiMessageType.Error, "This account has been disabled. Please contact support for assistance.");
}
