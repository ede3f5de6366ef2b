// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.SelfService.Methods.Oidc.Callback;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// Public API, Kratos's social sign-in callback:
/// GET  /self-service/methods/oidc/callback/{provider}   the provider's redirect (query)
/// POST /self-service/methods/oidc/callback/{provider}   the same as a form post (response_mode=form_post, Apple)
/// </summary>
internal static class OidcEndpoints
{
    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet(OidcAuthorizationStart.CallbackPath + "{provider}", CallbackFromQuery);
        api.MapPost(OidcAuthorizationStart.CallbackPath + "{provider}", CallbackFromForm).DisableAntiforgery();
        return endpoints;
    }

    private static Task<IResult> CallbackFromQuery(string provider, HttpContext context, OidcCallbackHandler callback, CancellationToken cancellationToken) =>
        callback.HandleAsync(context, provider, context.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString()), cancellationToken);

    private static async Task<IResult> CallbackFromForm(string provider, HttpContext context, OidcCallbackHandler callback, CancellationToken cancellationToken)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(cancellationToken) : null;
        var parameters = form?.ToDictionary(p => p.Key, p => (string?)p.Value.ToString()) ?? [];
        return await callback.HandleAsync(context, provider, parameters, cancellationToken);
    }
}
