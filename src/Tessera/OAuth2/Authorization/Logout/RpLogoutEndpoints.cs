// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// GET|POST /oauth2/sessions/logout  revokeOidcSession (public): OpenID Connect RP-initiated logout (see
/// <see cref="RpLogout"/>); with <c>logout_verifier</c>, the browser back from the operator's logout app. Discovery
/// advertises it as <c>end_session_endpoint</c> (Protocol/ConfigurationHandler); OpenIddict does not claim the path.
/// </summary>
internal static class RpLogoutEndpoints
{
    public const string Path = "/oauth2/sessions/logout";

    public static IEndpointRouteBuilder MapRpLogoutEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet(Path, RevokeOidcSession);
        api.MapPost(Path, RevokeOidcSession).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> RevokeOidcSession(HttpContext context, RpLogout logout, PublicUrls urls, CancellationToken cancellationToken)
    {
        var form = HttpMethods.IsPost(context.Request.Method) ? (await RequestBodyReader.ReadFormAsync(context.Request, cancellationToken)).ValueOrNull : null;
        var parameters = RpLogoutParameters.From(
            name => context.Request.Query[name].FirstOrDefault() ?? form?[name].FirstOrDefault(),
            urls.For(Path + context.Request.QueryString).AbsoluteUri);
        var outcome = string.IsNullOrEmpty(parameters.LogoutVerifier)
            ? await logout.StartAsync(context, parameters, cancellationToken)
            : await logout.FinishAsync(context, parameters.LogoutVerifier, cancellationToken);
        return outcome.TryGetValue(out var target, out var error) ? Results.Redirect(target.AbsoluteUri) : new ErrorResult(error);
    }
}
