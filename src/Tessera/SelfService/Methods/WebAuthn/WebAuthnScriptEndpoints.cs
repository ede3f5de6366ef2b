// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// Public API, as Kratos serves it:
/// GET /.well-known/ory/webauthn.js   the script Ory's UIs load for passkeys and security keys
/// </summary>
internal static class WebAuthnScriptEndpoints
{
    public static IEndpointRouteBuilder MapWebAuthnScript(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi().MapGet(WebAuthnScript.Path, GetWebAuthnJavaScript);
        return endpoints;
    }

    private static IResult GetWebAuthnJavaScript(HttpContext context)
    {
        // Loaded cross-origin by UIs on other hosts (crossorigin=anonymous with integrity), so it may be read from anywhere.
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(WebAuthnScript.Content, "text/javascript; charset=utf-8");
    }
}
