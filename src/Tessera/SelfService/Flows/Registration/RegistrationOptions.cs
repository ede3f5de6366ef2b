// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// <c>selfservice.flows.registration.after[.password].hooks</c>: whether a registration signs the new identity in
/// (the <c>session</c> hook). With zero configuration it does.
/// </summary>
internal sealed record RegistrationOptions(bool SignInAfterRegistration)
{
    /// <summary>The <c>session</c> hook in the registration chain (SelfService/Hooks binds and checks the chain).</summary>
    public static RegistrationOptions Bind(ConfigurationTree config) =>
        new(HookConfiguration.Bind(config).After(FlowKind.Registration, "password").Has(HookNames.Session));
}
