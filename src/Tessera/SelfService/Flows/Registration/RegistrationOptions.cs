// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// <c>selfservice.flows.registration.after[.password].hooks</c>: whether a registration signs the new identity in
/// (the <c>session</c> hook; with zero configuration it does), and
/// <c>selfservice.flows.registration.enable_legacy_one_step</c>: Kratos 1.3 asks for the traits first and the
/// credential second unless this restores the one-step form (traits and password together).
/// </summary>
internal sealed record RegistrationOptions(bool SignInAfterRegistration, bool LegacyOneStep = false)
{
    /// <summary>The hooks of the other registration methods (passkey, code), whose own chains say whether they sign in.</summary>
    public HookConfiguration? Hooks { get; init; }

    /// <summary><c>selfservice.methods.code.passwordless_enabled</c>: signing up with an e-mailed code, without a password.</summary>
    public bool CodeSignUp { get; init; }

    public bool SignsInAfter(string method) =>
        method == "password" || Hooks is null ? SignInAfterRegistration : Hooks.After(FlowKind.Registration, method).Has(HookNames.Session);

    /// <summary>The <c>session</c> hook in the registration chain (SelfService/Hooks binds and checks the chain).</summary>
    public static RegistrationOptions Bind(ConfigurationTree config)
    {
        var hooks = HookConfiguration.Bind(config);
        return new(hooks.After(FlowKind.Registration, "password").Has(HookNames.Session),
            config.GetBool("selfservice.flows.registration.enable_legacy_one_step", false))
        {
            Hooks = hooks,
            CodeSignUp = config.GetBool("selfservice.methods.code.passwordless_enabled", false),
        };
    }
}
