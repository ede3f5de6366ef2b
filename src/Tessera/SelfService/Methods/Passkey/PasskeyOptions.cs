// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Methods.WebAuthn;

namespace Tessera.SelfService.Methods.Passkey;

/// <summary>
/// <c>selfservice.methods.passkey</c>: passkeys (discoverable WebAuthn credentials with user verification) for
/// password-less sign-up and sign-in. A bad or missing relying party stops start-up.
/// </summary>
internal sealed record PasskeyOptions(bool Enabled, RelyingParty? RelyingParty)
{
    public const string Key = "selfservice.methods.passkey";

    public static PasskeyOptions Bind(ConfigurationTree config)
    {
        var enabled = config.GetBool(Key + ".enabled", false);
        return new PasskeyOptions(enabled, enabled ? RelyingParty.Bind(config, Key + ".config.rp") : null);
    }
}
