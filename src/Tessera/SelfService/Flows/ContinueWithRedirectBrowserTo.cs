// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>
/// Kratos's <c>continueWithRedirectBrowserTo</c>: where a browser-based app (a script on a browser flow, which gets JSON
/// instead of the 303) should send the browser next.
/// </summary>
internal sealed record ContinueWithRedirectBrowserTo(string RedirectBrowserTo)
{
    public string Action => "redirect_browser_to";
}
