// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>Kratos's credential type names (the ones Tessera stores today, and the ones it recognises).</summary>
internal static class CredentialTypes
{
    public const string Password = "password";
    public const string Code = "code";
    public const string Totp = "totp";
    public const string LookupSecret = "lookup_secret";
    public const string Oidc = "oidc";
    public const string WebAuthn = "webauthn";
    public const string Passkey = "passkey";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        Password, Code, Totp, LookupSecret, Oidc, WebAuthn, Passkey, "saml", "profile", "deviceauthn",
    };
}
