// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Logout;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// Where a browser lands after an RP-initiated logout: the client's registered <c>post_logout_redirect_uri</c> (already
/// checked) with its <c>state</c>; without one, Hydra's <c>urls.post_logout_redirect</c>, else where Kratos's own
/// logout lands (<c>selfservice.flows.logout.after.default_browser_return_url</c>, then the default return URL).
/// </summary>
internal sealed class RpLogoutLanding(LogoutOptions logout, FlowCompletion completion, OAuth2Options options)
{
    public Uri After(string? postLogoutRedirectUri, string? state)
    {
        if (string.IsNullOrEmpty(postLogoutRedirectUri))
        {
            return options.PostLogoutRedirectUrl ?? logout.AfterReturnUrl ?? completion.DefaultReturnUrl;
        }

        return new Uri(string.IsNullOrEmpty(state) ? postLogoutRedirectUri : QueryHelpers.AddQueryString(postLogoutRedirectUri, "state", state));
    }
}
