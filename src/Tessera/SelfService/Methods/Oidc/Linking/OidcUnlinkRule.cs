// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.WebAuthn;

namespace Tessera.SelfService.Methods.Oidc.Linking;

/// <summary>
/// Whether an identity can still sign in once a provider is unlinked (seed 002 oauth:cannot_unlink_last_connection):
/// another linked provider, a password with a hash, a passkey, a password-less security key, or a sign-in code to an
/// address when <c>passwordless_enabled</c> is on.
/// </summary>
internal sealed class OidcUnlinkRule(CodeOptions code)
{
    public bool OtherWayRemains(Identity identity, string provider)
    {
        var otherProviders = OidcCredential.LinkedProviders(identity).Any(p => p != provider);
        var password = identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Config["hashed_password"] is not null;
        var passkeys = WebAuthnCredentialSet.From(identity.Credentials.GetValueOrDefault(CredentialTypes.Passkey)?.Config).Credentials.Count > 0;
        var keys = WebAuthnSecurityKeys.Of(identity).Credentials.Any(c => c.IsPasswordless);
        var codes = code.PasswordlessEnabled && identity.Credentials.GetValueOrDefault(CredentialTypes.Code)?.Identifiers.Count > 0;
        return otherProviders || password || passkeys || keys || codes;
    }
}
