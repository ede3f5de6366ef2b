// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>The built-in hook names Kratos's configuration accepts (<c>{hook: name}</c>).</summary>
internal static class HookNames
{
    public const string Session = "session";
    public const string WebHook = "web_hook";
    public const string RevokeActiveSessions = "revoke_active_sessions";

    // Implemented by the verification slice; known here so that configurations using them start.
    public const string RequireVerifiedAddress = "require_verified_address";
    public const string ShowVerificationUi = "show_verification_ui";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        Session, WebHook, RevokeActiveSessions, RequireVerifiedAddress, ShowVerificationUi,
    };
}
