// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// <c>selfservice.flows.settings.*</c> beyond what every flow has: how recent a login must be to change a password,
/// an identifier or a second factor (<c>privileged_session_max_age</c>, 15m as the issue and seed row A3 say), and
/// which assurance level the session needs to use settings at all (<c>required_aal</c>).
/// </summary>
internal sealed record SettingsOptions(TimeSpan PrivilegedSessionMaxAge, RequiredAal RequiredAal)
{
    private static readonly Dictionary<string, RequiredAal> AalNames = new(StringComparer.Ordinal)
    {
        ["aal1"] = RequiredAal.Aal1, ["highest_available"] = RequiredAal.HighestAvailable,
    };

    public static SettingsOptions Bind(ConfigurationTree config) => new(
        config.GetDuration("selfservice.flows.settings.privileged_session_max_age", TimeSpan.FromMinutes(15)),
        config.GetEnum("selfservice.flows.settings.required_aal", RequiredAal.HighestAvailable, AalNames));
}
