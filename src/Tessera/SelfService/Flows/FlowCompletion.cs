// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Projects.Overlays;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows;

/// <summary>
/// What ends a flow that signs someone in (login, or registration with the session hook): issuing the session,
/// the cookie for browsers, and where an HTML browser goes next (<c>return_to</c>, else
/// <c>selfservice.default_browser_return_url</c>, else the built-in welcome page).
/// </summary>
internal sealed class FlowCompletion(SessionManager sessions, SessionResponder responder, ProjectOptions<SelfServiceOptions> options, PublicUrls urls, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public Uri DefaultReturnUrl => options.Value.DefaultBrowserReturnUrl ?? urls.For("/ui/welcome");

    /// <summary>The usable session the request carries, if any.</summary>
    public async Task<Session?> CurrentSessionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var result = await sessions.FetchAsync(context.Request, cancellationToken);
        return result.Succeeded ? result.Value : null;
    }

    /// <summary>Issues the session; browser flows also get the cookie. The token is for API clients only.</summary>
    public async Task<(SessionResponse Session, string Token)> SignInAsync(
        HttpContext context, Flow flow, Identity identity, string method, CancellationToken cancellationToken)
    {
        // Re-authentication (refresh=true) by the identity the session already belongs to renews that session
        // (authenticated_at, for privileged settings changes) rather than issuing a second one.
        if (flow.Refresh && await CurrentSessionAsync(context, cancellationToken) is { } current && current.IdentityId == identity.Id)
        {
            var renewed = await sessions.AddAuthenticationAsync(current, new AuthenticationMethod(method, "aal1", Now), cancellationToken);
            return (await responder.ToResponseAsync(renewed, identity, cancellationToken), sessions.TokenFrom(context.Request)!);
        }

        var issued = await sessions.IssueAsync(identity.Id, [new AuthenticationMethod(method, "aal1", Now)], context, cancellationToken);
        if (flow.Type == FlowType.Browser)
        {
            sessions.WriteCookie(context.Response, issued);
        }

        return (await responder.ToResponseAsync(issued.Session, identity, cancellationToken), issued.Token);
    }

    /// <summary>Whether this answer goes to an HTML browser (a 303) rather than as JSON.</summary>
    public static bool AnswersWithRedirect(HttpContext context, Flow flow) =>
        flow.Type == FlowType.Browser && !FlowClient.WantsJson(context.Request);

    public SeeOtherResult RedirectAfter(Flow flow) => new(ReturnTarget(flow));

    /// <summary>Where the browser goes once the flow is done: <c>return_to</c>, else the default return URL.</summary>
    public Uri ReturnTarget(Flow flow) => flow.ReturnTo is null ? DefaultReturnUrl : new Uri(flow.ReturnTo);
}
