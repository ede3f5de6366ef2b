// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Texts;

/// <summary>The flow pages (<c>/ui/login</c>, ...): headings, the links under the form, method group titles.</summary>
internal static partial class PageTexts
{
    public static readonly PageText SecondFactorTitle = new("flow.second_factor", "Second factor");
    public static readonly PageText ReauthenticationTitle = new("flow.reauthentication", "Confirm it's you");
    public static readonly PageText LoginTitle = new("flow.login", "Sign in");
    public static readonly PageText RegistrationTitle = new("flow.registration", "Create an account");
    public static readonly PageText RecoveryTitle = new("flow.recovery", "Recover your account");
    public static readonly PageText VerificationTitle = new("flow.verification", "Verify your email address");
    public static readonly PageText SettingsTitle = new("flow.settings", "Account settings");

    public static readonly PageText CookiesNeededTitle = new("cookies.title", "Cookies needed");
    public static readonly PageText CookiesNeededHeading = new("cookies.heading", "This form needs cookies");
    public static readonly PageText CookiesNeededText = new("cookies.text", "Your browser did not send the cookie that protects this form, so it cannot be shown. Allow cookies for this site, then start again.");
    public static readonly PageText StartAgain = new("cookies.start_again", "Start again");

    public static readonly PageText OtherOptions = new("links.other_options", "Other options");
    public static readonly PageText CreateAccountLink = new("links.create_account", "Don't have an account? Create one");
    public static readonly PageText RecoverAccountLink = new("links.recover_account", "Forgot your password? Recover your account");
    public static readonly PageText SignInLink = new("links.sign_in", "Already have an account? Sign in");
    public static readonly PageText BackToAccount = new("links.back_to_account", "Back to your account");
    public static readonly PageText BackToSignIn = new("links.back_to_sign_in", "Back to sign in");
    public static readonly PageText SignOut = new("links.sign_out", "Sign out");

    public static readonly PageText ProfileGroup = new("group.profile", "Profile");
    public static readonly PageText PasswordGroup = new("group.password", "Password");
    public static readonly PageText TotpGroup = new("group.totp", "Authenticator app");
    public static readonly PageText LookupSecretGroup = new("group.lookup_secret", "Backup recovery codes");
    public static readonly PageText CodeGroup = new("group.code", "One-time code");
    public static readonly PageText LinkGroup = new("group.link", "E-mail link");
    public static readonly PageText WebAuthnGroup = new("group.webauthn", "Security keys");
    public static readonly PageText PasskeyGroup = new("group.passkey", "Passkeys");
    public static readonly PageText OidcGroup = new("group.oidc", "Social sign-in");
    public static readonly PageText QrCode = new("image.qr_code", "QR code");
}
