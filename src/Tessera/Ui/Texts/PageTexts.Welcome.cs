// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Texts;

/// <summary><c>/ui/welcome</c>: the session page.</summary>
internal static partial class PageTexts
{
    public static readonly PageText Welcome = new("welcome.title", "Welcome");
    public static readonly PageText NotSignedIn = new("welcome.not_signed_in", "You are not signed in.");
    public static readonly PageText SignedIn = new("welcome.signed_in", "You are signed in.");
    public static readonly PageText SignIn = new("welcome.sign_in", "Sign in");
    public static readonly PageText CreateAccount = new("welcome.create_account", "Create an account");
    public static readonly PageText VerifyAddress = new("welcome.verify_address", "Verify your email address");
    public static readonly PageText AccountSettings = new("welcome.account_settings", "Account settings");
    public static readonly PageText IdentityTerm = new("welcome.identity", "Identity");
    public static readonly PageText SignedInWith = new("welcome.signed_in_with", "Signed in with");
    public static readonly PageText AssuranceLevel = new("welcome.assurance_level", "Assurance level");
    public static readonly PageText SignedInAt = new("welcome.signed_in_at", "Signed in at");
    public static readonly PageText SessionExpires = new("welcome.session_expires", "Session expires");
}
