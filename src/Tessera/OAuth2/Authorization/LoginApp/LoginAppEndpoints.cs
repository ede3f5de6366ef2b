// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.SelfService.Flows;
using Tessera.Sessions;
using Tessera.Ui.Pages;

namespace Tessera.OAuth2.Authorization.LoginApp;

/// <summary>
/// Tessera's own login app (public listener), where the authorization endpoint sends the browser when
/// <c>urls.login</c> is not set. It decides with the Tessera session and answers the login request through the same
/// code as Hydra's admin API:
/// GET /ui/oauth2/login?login_challenge=   303 to Tessera's login flow (returning here), or to the authorization
///                                         endpoint with the login verifier once the session satisfies the request
/// </summary>
internal static class LoginAppEndpoints
{
    public const string Path = "/ui/oauth2/login";

    public static IEndpointRouteBuilder MapLoginApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi().MapGet(Path, ContinueOAuth2Login);
        return endpoints;
    }

    private static async Task<IResult> ContinueOAuth2Login(
        HttpContext context, LoginRequests requests, SessionManager sessions, TimeProvider clock, [AsParameters] SelfServiceLinks links,
        CancellationToken cancellationToken)
    {
        var challenge = context.Request.Query["login_challenge"].ToString();
        if (!(await requests.FindAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return new ErrorResult(error);
        }

        // A request handled already (the back button, a second tab): Hydra's answer, back to where it continues.
        if (flow.WasLoginHandled)
        {
            return new SeeOtherResult(new Uri(flow.RequestUrl));
        }

        var found = await sessions.FetchAsync(context.Request, cancellationToken);
        var session = found.Succeeded ? found.Value : null;
        Result<string> outcome;
        switch (LoginRequirements.Decide(flow, session, clock.GetUtcNow()))
        {
            case LoginDecision.SignIn signIn:
                var back = links.Page($"{Path}?login_challenge={Uri.EscapeDataString(challenge)}");
                return new SeeOtherResult(new Uri(links.Start(FlowKind.Login, back, signIn.Refresh, signIn.Aal)));
            case LoginDecision.Reject reject:
                outcome = await requests.RejectAsync(challenge, new FlowRejection
                {
                    Error = reject.Error,
                    ErrorDescription = reject.Description,
                    StatusCode = StatusCodes.Status401Unauthorized,
                }, cancellationToken);
                break;
            default:
                outcome = await requests.AcceptAsync(challenge, new AcceptLoginBody
                {
                    Subject = session!.IdentityId.ToString(),
                    Acr = session.Aal,
                    Amr = LoginRequirements.Amr(session),
                    IdentityProviderSessionId = session.Id.ToString(),
                }, cancellationToken);
                break;
        }

        return outcome.TryGetValue(out var redirectTo, out var failure) ? new SeeOtherResult(new Uri(redirectTo)) : new ErrorResult(failure);
    }
}
