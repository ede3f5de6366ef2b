// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Texts;

namespace Tessera.OAuth2.Authorization.Pages;

/// <summary>What the consent page says a scope lets the application do (OpenID Connect's standard scopes; others as named).</summary>
internal static class ScopeDescriptions
{
    public static string For(string scope, string? language = null) => scope switch
    {
        "openid" => PageTexts.ScopeOpenId.In(language),
        "profile" => PageTexts.ScopeProfile.In(language),
        "email" => PageTexts.ScopeEmail.In(language),
        "phone" => PageTexts.ScopePhone.In(language),
        "address" => PageTexts.ScopeAddress.In(language),
        "offline_access" => PageTexts.ScopeOfflineAccess.In(language),
        _ => scope,
    };
}
