// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// <c>selfservice.methods.webauthn</c>: security keys, as a second factor, or with <c>config.passwordless</c> as a
/// first factor (sign-up and sign-in with the key alone). A bad or missing relying party stops start-up.
/// </summary>
internal sealed record WebAuthnOptions(bool Enabled, bool Passwordless, RelyingParty? RelyingParty)
{
    public const string Key = "selfservice.methods.webauthn";

    public static WebAuthnOptions Bind(ConfigurationTree config)
    {
        var enabled = config.GetBool(Key + ".enabled", false);
        return new WebAuthnOptions(
            enabled,
            config.GetBool(Key + ".config.passwordless", false),
            enabled ? RelyingParty.Bind(config, Key + ".config.rp") : null);
    }
}
