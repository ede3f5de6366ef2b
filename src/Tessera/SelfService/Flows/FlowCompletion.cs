// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.SelfService.Flows.Login;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows;

/// <summary>
/// Ends a login (or a registration that logs in): issues the session and answers each client in its form.
/// API clients get the session and its token; browser scripts the session and the cookie; HTML browsers the cookie
/// and a 303 to <c>return_to</c> or <c>selfservice.default_browser_return_url</c>.
/// </summary>
internal sealed class FlowCompletion(SessionManager sessions, SessionResponder responder, SelfServiceOptions options, PublicUrls urls, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public Uri DefaultReturnUrl => options.DefaultBrowserReturnUrl ?? urls.For("/ui/welcome");

    /// <summary>The usable session the request carries, if any.</summary>
    public async Task<Session?> CurrentSessionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        return result.Succeeded ? result.Value : null;
    }

    public async Task<IResult> CompleteAsync(HttpContext context, Flow flow, Identities.Identity identity, string method, CancellationToken cancellationToken)
    {
        var issued = await sessions.IssueAsync(identity.Id, [new AuthenticationMethod(method, "aal1", Now)], context, cancellationToken);
        var session = await responder.ToResponseAsync(issued.Session, identity, cancellationToken);
        if (flow.Type == FlowType.Api)
        {
            return TypedResults.Ok(new SuccessfulLoginResponse(session, issued.Token));
        }

        sessions.WriteCookie(context.Response, issued);
        return FlowClient.WantsJson(context.Request)
            ? TypedResults.Ok(new SuccessfulLoginResponse(session, null))
            : new SeeOtherResult(flow.ReturnTo is null ? DefaultReturnUrl : new Uri(flow.ReturnTo));
    }
}
