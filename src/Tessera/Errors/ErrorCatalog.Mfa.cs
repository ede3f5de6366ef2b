// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the second factors: TOTP authenticator apps and backup (lookup) codes.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor TotpNotEnabled = new(
        "totp_not_enabled", 400,
        "No authenticator app is set up.",
        "You have no TOTP device set up.",
        "A second-factor login or an unlink used `method=totp` for an identity without a linked authenticator app.",
        "Use another second factor, or link an authenticator app in settings first.",
        "Login or settings is re-rendered with message 4000011")
    {
        UiMessageIds = "4000011",
    };

    public static readonly ErrorDescriptor TotpCodeInvalid = new(
        "totp_code_invalid", 400,
        "The authentication code is invalid.",
        "The provided authentication code is invalid, please try again.",
        "The six-digit code does not match the linked authenticator app: mistyped, too old, or the device clock is off by more than one step.",
        "Enter the current code; if it keeps failing, check that the phone's clock is set automatically.",
        "Login is re-rendered with message 4000008")
    {
        UiMessageIds = "4000008",
    };

    public static readonly ErrorDescriptor LookupSecretInvalid = new(
        "lookup_secret_invalid", 400,
        "The backup recovery code is not valid.",
        "The backup recovery code is not valid.",
        "The entered backup code is not one of the identity's codes (or is already used: message 4000012).",
        "Enter an unused code from the saved list, or use another second factor.",
        "Login is re-rendered with message 4000016 or 4000012")
    {
        UiMessageIds = "4000016, 4000012",
    };

    public static readonly ErrorDescriptor LookupSecretExhausted = new(
        "lookup_secret_exhausted", 400,
        "No unused backup recovery codes are left.",
        "You have no backup recovery codes set up.",
        "Every backup code of the identity has been used.",
        "Use another second factor, then generate new backup codes in settings.",
        "Login is re-rendered with message 4000014")
    {
        UiMessageIds = "4000014",
    };
}
