// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.SelfService.Methods.Oidc;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// Whether an identity can still sign in (a first factor) once one of its WebAuthn credentials is gone: a password
/// with a hash, a passkey, a password-less security key, or a linked identity provider (Kratos counts oidc as a first
/// factor). Removing the last one would lock the person out.
/// </summary>
internal sealed class SignInMethods
{
    public bool RemainAfter(Identity identity, string changedType, WebAuthnCredentialSet remaining)
    {
        var password = identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Config["hashed_password"] is not null;
        var passkeys = changedType == CredentialTypes.Passkey
            ? remaining.Credentials.Count > 0
            : WebAuthnCredentialSet.From(identity.Credentials.GetValueOrDefault(CredentialTypes.Passkey)?.Config).Credentials.Count > 0;
        var keys = changedType == CredentialTypes.WebAuthn
            ? remaining.Credentials.Any(c => c.IsPasswordless)
            : WebAuthn.WebAuthnSecurityKeys.Of(identity).Credentials.Any(c => c.IsPasswordless);
        var providers = OidcCredential.LinkedProviders(identity).Count > 0;
        return password || passkeys || keys || providers;
    }
}
