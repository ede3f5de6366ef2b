// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Methods.Link;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>
/// <c>selfservice.flows.verification.*</c> beyond the shared ui_url/lifespan: whether verification is on (Kratos's
/// default: off; when on, registration e-mails a code to each verifiable address), the method (<c>use</c>: <c>code</c>,
/// Kratos's default, or <c>link</c>), <c>notify_unknown_recipients</c> (default false), and where "Continue" leads after success
/// (<c>after.default_browser_return_url</c>).
/// </summary>
internal sealed record VerificationOptions(bool Enabled, bool NotifyUnknownRecipients, Uri? AfterReturnUrl, string Use)
{
    public bool UsesLink => Use == LinkMethodOptions.Method;

    public static VerificationOptions Bind(ConfigurationTree config)
    {
        return new VerificationOptions(
            config.GetBool("selfservice.flows.verification.enabled", false),
            config.GetBool("selfservice.flows.verification.notify_unknown_recipients", false),
            config.GetUri("selfservice.flows.verification.after.default_browser_return_url"),
            LinkMethodOptions.FlowMethod(config, "verification"));
    }
}
