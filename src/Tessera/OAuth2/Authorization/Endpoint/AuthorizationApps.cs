// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.OAuth2.Authorization.LoginApp;
using Tessera.OAuth2.Authorization.Pages;

namespace Tessera.OAuth2.Authorization.Endpoint;

/// <summary>
/// Where the login and consent apps are: <c>urls.login</c> / <c>urls.consent</c> when the operator keeps their own,
/// otherwise Tessera's (<c>/ui/oauth2/login</c>, <c>/ui/consent</c>) on the public URL. The issuer is
/// <c>urls.self.issuer</c>, else the public base URL.
/// </summary>
internal sealed class AuthorizationApps(OAuth2Options options, PublicUrls urls)
{
    public Uri Issuer => options.Issuer ?? urls.BaseUrl;

    public string LoginUrl => options.LoginUrl?.AbsoluteUri ?? urls.For(LoginAppEndpoints.Path).AbsoluteUri;

    public string ConsentUrl => options.ConsentUrl?.AbsoluteUri ?? urls.For(ConsentPageEndpoints.Path).AbsoluteUri;

    public bool UsesOwnConsentApp => options.ConsentUrl is null;
}
