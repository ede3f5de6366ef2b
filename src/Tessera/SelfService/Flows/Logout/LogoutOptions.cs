// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Flows.Logout;

/// <summary>
/// <c>selfservice.flows.logout.after.default_browser_return_url</c>: where a browser lands after signing out when
/// the logout URL names no <c>return_to</c> (Kratos's order: this, then <c>selfservice.default_browser_return_url</c>,
/// then, in Tessera, the built-in welcome page).
/// </summary>
internal sealed record LogoutOptions(Uri? AfterReturnUrl)
{
    public static LogoutOptions Bind(ConfigurationTree config) =>
        new(config.GetUri("selfservice.flows.logout.after.default_browser_return_url"));
}
