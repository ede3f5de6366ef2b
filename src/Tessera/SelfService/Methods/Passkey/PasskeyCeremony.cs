// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Methods.WebAuthn;

namespace Tessera.SelfService.Methods.Passkey;

/// <summary>The passkey method's relying party and ceremonies, when the method is enabled (the configuration is fixed at start-up).</summary>
internal sealed class PasskeyCeremony(PasskeyOptions options)
{
    private readonly WebAuthnCeremony? _ceremony = options.RelyingParty is { } rp ? new WebAuthnCeremony(rp) : null;

    public bool Enabled => _ceremony is not null;

    public WebAuthnCeremony Ceremony => _ceremony ?? throw new InvalidOperationException("the passkey method is not enabled");
}
