// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Methods.Link;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>
/// <c>selfservice.flows.recovery.*</c> beyond the shared ui_url/lifespan: whether recovery is on (Kratos's default:
/// off), the method (<c>use</c>: <c>code</c>, Kratos's default, or <c>link</c>), whether unknown addresses are told someone asked
/// (<c>notify_unknown_recipients</c>, default false), and how long the recovered session may change the password
/// without re-authenticating (<c>selfservice.flows.settings.privileged_session_max_age</c>, default 15m), which the
/// success message states.
/// </summary>
internal sealed record RecoveryOptions(bool Enabled, bool NotifyUnknownRecipients, TimeSpan PrivilegedSessionMaxAge, string Use)
{
    public bool UsesLink => Use == LinkMethodOptions.Method;

    public static RecoveryOptions Bind(ConfigurationTree config)
    {
        return new RecoveryOptions(
            config.GetBool("selfservice.flows.recovery.enabled", false),
            config.GetBool("selfservice.flows.recovery.notify_unknown_recipients", false),
            config.GetDuration("selfservice.flows.settings.privileged_session_max_age", TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1)),
            LinkMethodOptions.FlowMethod(config, "recovery"));
    }
}
