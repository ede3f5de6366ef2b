// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>
/// The 4000xxx range: validation of submitted values (schema violations, password policy, credentials). Context
/// keys are Kratos's, so a UI that renders from the context gets the same values.
/// </summary>
internal static partial class UiMessages
{
    public static readonly UiMessage ValidationGeneric = new(4000001, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ValidationRequired = new(4000002, UiMessageType.Error, "Property {property} is missing.");

    public static readonly UiMessage ValidationMinLength = new(4000003, UiMessageType.Error, "length must be >= {min_length}, but got {actual_length}");

    public static readonly UiMessage ValidationInvalidFormat = new(4000004, UiMessageType.Error, "does not match pattern \"{pattern}\"");

    public static readonly UiMessage ValidationPasswordPolicyViolationGeneric = new(4000005, UiMessageType.Error, "The password can not be used because {reason}.");

    public static readonly UiMessage ValidationInvalidCredentials = new(4000006, UiMessageType.Error, "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.");

    public static readonly UiMessage ValidationDuplicateCredentials = new(4000007, UiMessageType.Error, "An account with the same identifier (email, phone, username, ...) exists already.");

    public static readonly UiMessage ValidationTOTPVerifierWrong = new(4000008, UiMessageType.Error, "The provided authentication code is invalid, please try again.");

    public static readonly UiMessage ValidationIdentifierMissing = new(4000009, UiMessageType.Error, "Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.");

    public static readonly UiMessage ValidationAddressNotVerified = new(4000010, UiMessageType.Error, "Account not active yet. Did you forget to verify your email address?");

    public static readonly UiMessage ValidationNoTOTPDevice = new(4000011, UiMessageType.Error, "You have no TOTP device set up.");

    public static readonly UiMessage ValidationLookupAlreadyUsed = new(4000012, UiMessageType.Error, "This backup recovery code has already been used.");

    public static readonly UiMessage ValidationNoWebAuthnDevice = new(4000013, UiMessageType.Error, "You have no WebAuthn device set up.");

    public static readonly UiMessage ValidationNoLookup = new(4000014, UiMessageType.Error, "You have no backup recovery codes set up.");

    public static readonly UiMessage ValidationSuchNoWebAuthnUser = new(4000015, UiMessageType.Error, "This account does not exist or has no security key set up.");

    public static readonly UiMessage ValidationLookupInvalid = new(4000016, UiMessageType.Error, "The backup recovery code is not valid.");

    public static readonly UiMessage ValidationMaxLength = new(4000017, UiMessageType.Error, "length must be <= {max_length}, but got {actual_length}");

    public static readonly UiMessage ValidationMinimum = new(4000018, UiMessageType.Error, "must be >= {minimum} but found {actual}");

    public static readonly UiMessage ValidationExclusiveMinimum = new(4000019, UiMessageType.Error, "must be > {minimum} but found {actual}");

    public static readonly UiMessage ValidationMaximum = new(4000020, UiMessageType.Error, "must be <= {maximum} but found {actual}");

    public static readonly UiMessage ValidationExclusiveMaximum = new(4000021, UiMessageType.Error, "must be < {maximum} but found {actual}");

    public static readonly UiMessage ValidationMultipleOf = new(4000022, UiMessageType.Error, "{base} not multipleOf {actual}");

    public static readonly UiMessage ValidationMaxItems = new(4000023, UiMessageType.Error, "maximum {max_items} items allowed, but found {actual_items} items");

    public static readonly UiMessage ValidationMinItems = new(4000024, UiMessageType.Error, "minimum {min_items} items allowed, but found {actual_items} items");

    public static readonly UiMessage ValidationUniqueItems = new(4000025, UiMessageType.Error, "items at index {index_a} and {index_b} are equal");

    public static readonly UiMessage ValidationWrongType = new(4000026, UiMessageType.Error, "expected {allowed_types}, but got {actual_type}");

    public static readonly UiMessage ValidationDuplicateCredentialsOnOIDCLink = new(4000027, UiMessageType.Error, "An account with the same identifier (email, phone, username, ...) exists already. Please sign in to your existing account to link your social profile.");

    public static readonly UiMessage ValidationDuplicateCredentialsWithHints = new(4000028, UiMessageType.Error, "You tried signing in with {credential_identifier_hint} which is already in use by another account.");

    public static readonly UiMessage ValidationConst = new(4000029, UiMessageType.Error, "must be equal to constant {expected}");

    public static readonly UiMessage ValidationConstGeneric = new(4000030, UiMessageType.Error, "const failed");

    public static readonly UiMessage ValidationPasswordIdentifierTooSimilar = new(4000031, UiMessageType.Error, "The password can not be used because it is too similar to the identifier.");

    public static readonly UiMessage ValidationPasswordMinLength = new(4000032, UiMessageType.Error, "The password must be at least {min_length} characters long, but got {actual_length}.");

    public static readonly UiMessage ValidationPasswordMaxLength = new(4000033, UiMessageType.Error, "The password must be at most {max_length} characters long, but got {actual_length}.");

    public static readonly UiMessage ValidationPasswordTooManyBreaches = new(4000034, UiMessageType.Error, "The password has been found in data breaches and must no longer be used.");

    public static readonly UiMessage ValidationNoCodeUser = new(4000035, UiMessageType.Error, "This account does not exist or has not setup sign in with code.");

    public static readonly UiMessage ValidationTraitsMismatch = new(4000036, UiMessageType.Error, "The provided traits do not match the traits previously associated with this flow.");

    public static readonly UiMessage ValidationAccountNotFound = new(4000037, UiMessageType.Error, "This account does not exist or has no login method configured.");

    public static readonly UiMessage ValidationCaptchaError = new(4000038, UiMessageType.Error, "Captcha verification failed, please try again.");

    public static readonly UiMessage ValidationPasswordNewSameAsOld = new(4000039, UiMessageType.Error, "The new password must be different from the old password.");

    public static readonly UiMessage ValidationEmail = new(4000040, UiMessageType.Error, "Enter a valid email address");

    public static readonly UiMessage ValidationPhone = new(4000041, UiMessageType.Error, "Enter a valid phone number");

    public static readonly UiMessage ValidationNoDeviceAuthnDevice = new(4000042, UiMessageType.Error, "You have no DeviceAuthn device set up.");

    public static readonly UiMessage ValidationWebAuthnVerifierWrong = new(4000043, UiMessageType.Error, "The provided web authn login is invalid, please try again.");

    public static readonly UiMessage ValidationDeviceAuthnVerifierWrong = new(4000044, UiMessageType.Error, "The provided DeviceAuthn signature is invalid.");

    public static readonly UiMessage ValidationDeviceAuthnRelaxedAttestationNoLongerValid = new(4000045, UiMessageType.Error, "This DeviceAuthn key can no longer be used because relaxed attestation is expired or disabled. Please enroll your device again.");

    public static readonly UiMessage ValidationDeviceAuthnKeyReenrollmentRequired = new(4000046, UiMessageType.Error, "This DeviceAuthn key was enrolled before user verification was introduced and can no longer be used. Please enroll your device again.");
}
