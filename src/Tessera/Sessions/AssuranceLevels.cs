// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;

namespace Tessera.Sessions;

/// <summary>
/// Authenticator assurance levels (NIST 800-63): <c>aal1</c> one factor, <c>aal2</c> a second factor. An
/// identity's highest available level is aal2 once it has a second factor set up (TOTP, backup codes or a security key).
/// </summary>
internal static class AssuranceLevels
{
    public const string Aal1 = "aal1";
    public const string Aal2 = "aal2";

    public static string HighestAvailable(Identity identity) =>
        identity.Credentials.ContainsKey(CredentialTypes.Totp) || identity.Credentials.ContainsKey(CredentialTypes.LookupSecret) || HasSecurityKey(identity) ? Aal2 : Aal1;

    /// <summary>A security key registered as a second factor (Kratos: a <c>webauthn</c> key that is not password-less).</summary>
    private static bool HasSecurityKey(Identity identity) =>
        identity.Credentials.TryGetValue(CredentialTypes.WebAuthn, out var keys) && keys.Config["credentials"] is JsonArray list
        && list.Any(key => key?["is_passwordless"] is not JsonValue passwordless || !passwordless.TryGetValue<bool>(out var yes) || !yes);

    /// <summary>Whether the session meets <paramref name="required"/> for this identity.</summary>
    public static bool Satisfies(Session session, Identity identity, RequiredAal required) =>
        required == RequiredAal.Aal1 || string.CompareOrdinal(session.Aal, HighestAvailable(identity)) >= 0;
}
