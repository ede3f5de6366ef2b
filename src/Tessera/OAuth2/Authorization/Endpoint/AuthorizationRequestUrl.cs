// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Endpoint;

/// <summary>
/// The authorization request as a URL on the issuer (Hydra's <c>request_url</c>): where accepting a login or consent
/// sends the browser back, with the verifier added. Built from the parsed parameters, so a POSTed request becomes
/// the equivalent GET; verifiers of an earlier round are dropped.
/// </summary>
internal static class AuthorizationRequestUrl
{
    public static string For(Uri issuer, OpenIddictRequest request)
    {
        var url = issuer.AbsoluteUri.TrimEnd('/') + "/oauth2/auth";
        foreach (var (name, value) in request.GetParameters())
        {
            if (name == ChallengeKind.Login.VerifierParameter || name == ChallengeKind.Consent.VerifierParameter)
            {
                continue;
            }

            foreach (var item in (Microsoft.Extensions.Primitives.StringValues)(OpenIddictParameter?)value)
            {
                url = QueryHelpers.AddQueryString(url, name, item ?? string.Empty);
            }
        }

        return url;
    }
}
