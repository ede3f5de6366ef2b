// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>Settings: 1050xxx (info) and 4050xxx (errors).</summary>
internal static partial class UiMessages
{
    public static readonly UiMessage InfoSelfServiceSettingsUpdateSuccess = new(1050001, UiMessageType.Success, "Your changes have been saved!");

    public static readonly UiMessage InfoSelfServiceSettingsUpdateLinkOidc = new(1050002, UiMessageType.Info, "Link {provider}");

    public static readonly UiMessage InfoSelfServiceSettingsUpdateUnlinkOidc = new(1050003, UiMessageType.Info, "Unlink {provider}");

    public static readonly UiMessage InfoSelfServiceSettingsUpdateUnlinkTOTP = new(1050004, UiMessageType.Info, "Unlink TOTP Authenticator App");

    public static readonly UiMessage InfoSelfServiceSettingsTOTPQRCode = new(1050005, UiMessageType.Info, "Authenticator app QR code");

    public static readonly UiMessage InfoSelfServiceSettingsTOTPSecret = new(1050006, UiMessageType.Info, "{secret}");

    public static readonly UiMessage InfoSelfServiceSettingsRevealLookup = new(1050007, UiMessageType.Info, "Reveal backup recovery codes");

    public static readonly UiMessage InfoSelfServiceSettingsRegenerateLookup = new(1050008, UiMessageType.Info, "Generate new backup recovery codes");

    public static readonly UiMessage InfoSelfServiceSettingsLookupSecret = new(1050009, UiMessageType.Info, "{secret}");

    public static readonly UiMessage InfoSelfServiceSettingsLookupSecretLabel = new(1050010, UiMessageType.Info, "These are your back up recovery codes. Please keep them in a safe place!");

    public static readonly UiMessage InfoSelfServiceSettingsLookupConfirm = new(1050011, UiMessageType.Info, "Confirm backup recovery codes");

    public static readonly UiMessage InfoSelfServiceSettingsRegisterWebAuthn = new(1050012, UiMessageType.Info, "Add security key");

    public static readonly UiMessage InfoSelfServiceSettingsRegisterWebAuthnDisplayName = new(1050013, UiMessageType.Info, "Name of the security key");

    public static readonly UiMessage InfoSelfServiceSettingsLookupSecretUsed = new(1050014, UiMessageType.Info, "Secret was used at {used_at}");

    public static readonly UiMessage InfoSelfServiceSettingsLookupSecretList = new(1050015, UiMessageType.Info, "{secrets}");

    public static readonly UiMessage InfoSelfServiceSettingsDisableLookup = new(1050016, UiMessageType.Info, "Disable this method");

    public static readonly UiMessage InfoSelfServiceSettingsTOTPSecretLabel = new(1050017, UiMessageType.Info, "This is your authenticator app secret. Use it if you can not scan the QR code.");

    public static readonly UiMessage InfoSelfServiceSettingsRemoveWebAuthn = new(1050018, UiMessageType.Info, "Remove security key \"{display_name}\"");

    public static readonly UiMessage InfoSelfServiceSettingsRegisterPasskey = new(1050019, UiMessageType.Info, "Add passkey");

    public static readonly UiMessage InfoSelfServiceSettingsRemovePasskey = new(1050020, UiMessageType.Info, "Remove passkey \"{display_name}\"");

    public static readonly UiMessage InfoSelfServiceSettingsManagedByOrganization = new(1050023, UiMessageType.Info, "Your account is managed by your organization. To change these settings, contact your organization administrator.");

    // Dynamic: the text is the reason given in the context.
    public static readonly UiMessage ErrorValidationSettings = new(4050000, UiMessageType.Error, "{reason}");

    public static readonly UiMessage ErrorValidationSettingsFlowExpired = new(4050001, UiMessageType.Error, "The settings flow expired {expired_at_unix_since_minutes:0.00} minutes ago, please try again.");

    public static readonly UiMessage ErrorValidationSettingsTooManyAddressChanges = new(4050002, UiMessageType.Error, "You can only change one address at a time. Please update each address separately.");
}
