// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// The <c>webauthn</c> method's relying party and ceremonies when enabled, and an identity's security keys (its
/// <c>webauthn</c> credential; stored by <see cref="WebAuthnCredentialSettings"/>).
/// </summary>
internal sealed class WebAuthnSecurityKeys(WebAuthnOptions options)
{
    private readonly WebAuthnCeremony? _ceremony = options.RelyingParty is { } rp ? new WebAuthnCeremony(rp) : null;

    public bool Enabled => _ceremony is not null;

    /// <summary>With <c>passwordless: true</c> keys are a first factor (user verification required), else a second factor.</summary>
    public bool Passwordless => options.Passwordless;

    public WebAuthnCeremony Ceremony => _ceremony ?? throw new InvalidOperationException("the webauthn method is not enabled");

    public static WebAuthnCredentialSet Of(Identity identity) => WebAuthnCredentialSettings.Of(identity, CredentialTypes.WebAuthn);
}
