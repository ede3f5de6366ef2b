// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Texts;

/// <summary>The OAuth2 pages: consent (<c>/ui/consent</c>), the settings page's "Apps with access", scope descriptions.</summary>
internal static partial class PageTexts
{
    public static readonly PageText ConsentTitle = new("consent.title", "Allow access");
    public static readonly PageText ConsentHeading = new("consent.heading", "{client} wants to access your account");
    public static readonly PageText ConsentIntro = new("consent.intro", "If you allow it, the application can:");
    public static readonly PageText ConsentRemember = new("consent.remember", "Remember this decision");
    public static readonly PageText ConsentAllow = new("consent.allow", "Allow");
    public static readonly PageText ConsentDeny = new("consent.deny", "Deny");

    public static readonly PageText AppsHeading = new("apps.heading", "Apps with access");
    public static readonly PageText AppsNone = new("apps.none", "No applications have access to your account.");
    public static readonly PageText AppsRevoke = new("apps.revoke", "Revoke access");

    public static readonly PageText ScopeOpenId = new("scope.openid", "Confirm who you are (your account id)");
    public static readonly PageText ScopeProfile = new("scope.profile", "See your profile (name and other details)");
    public static readonly PageText ScopeEmail = new("scope.email", "See your email address");
    public static readonly PageText ScopePhone = new("scope.phone", "See your phone number");
    public static readonly PageText ScopeAddress = new("scope.address", "See your postal address");
    public static readonly PageText ScopeOfflineAccess = new("scope.offline_access", "Stay connected when you are not using it");
}
