// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// <c>selfservice.flows.registration.after[.password].hooks</c>: whether a registration signs the new identity in
/// (the <c>session</c> hook). With zero configuration it does.
/// </summary>
internal sealed record RegistrationOptions(bool SignInAfterRegistration)
{
    public static RegistrationOptions Bind(ConfigurationTree config)
    {
        var hooks = config.GetNode("selfservice.flows.registration.after.password.hooks")
            ?? config.GetNode("selfservice.flows.registration.after.hooks");
        if (hooks is null)
        {
            return new RegistrationOptions(true);
        }

        var names = hooks is System.Text.Json.Nodes.JsonArray array
            ? array.Select(h => h?["hook"]?.ToString()).ToList()
            : throw new ConfigurationException("selfservice.flows.registration.after.password.hooks", "expected a list of {hook: name}");
        return new RegistrationOptions(names.Contains("session"));
    }
}
