// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Pages;

/// <summary>What the consent page says a scope lets the application do (OpenID Connect's standard scopes; others as named).</summary>
internal static class ScopeDescriptions
{
    public static string For(string scope) => scope switch
    {
        "openid" => "Confirm who you are (your account id)",
        "profile" => "See your profile (name and other details)",
        "email" => "See your email address",
        "phone" => "See your phone number",
        "address" => "See your postal address",
        "offline_access" => "Stay connected when you are not using it",
        _ => scope,
    };
}
