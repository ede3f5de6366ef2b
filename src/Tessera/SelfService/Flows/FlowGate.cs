// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Projects.Overlays;
using Tessera.Security.Csrf;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows;

/// <summary>
/// The checks every flow submission passes before its method runs, in this order: the CSRF pair for browser
/// flows (a forged request learns nothing else), then single use (a finished flow answers "already completed" and
/// nothing else runs), then expiry, which answers with a replacement flow that carries the kind's expiry message and
/// the same form, so the user can simply submit again.
/// </summary>
internal sealed class FlowGate(
    CsrfProtection csrf, CsrfCookie csrfCookie, FlowFactory factory, FlowStore store, FlowResponder responder, FlowRerenderer rerenderer, ProjectOptions<Tessera.Sessions.SessionOptions> sessions, TimeProvider clock)
{
    private string? BrowserCookie(HttpRequest request) =>
        request.Cookies.ContainsKey(sessions.Value.CookieName) ? sessions.Value.CookieName
        : request.Cookies.ContainsKey(csrfCookie.Name) ? csrfCookie.Name
        : null;

    /// <summary>
    /// Null when the submission may proceed; otherwise the answer to send. <paramref name="replacementState"/> is the
    /// state an expired flow's replacement starts in (default: the flow's own).
    /// </summary>
    public async Task<IResult?> CheckAsync(
        HttpContext context, Flow flow, string? csrfToken, UiMessage expiryMessage, Action<Flow> addForm, CancellationToken cancellationToken,
        string? replacementState = null)
    {
        if (flow.Type == FlowType.Browser && !flow.DangerousSkipCsrfCheck && csrf.Validate(context.Request, csrfToken, flow.CsrfToken) is { } violation)
        {
            return new ErrorResult(violation);
        }

        // An API flow has no CSRF protection; a request carrying our browser cookies is a browser and must not use one.
        if (flow.Type == FlowType.Api && BrowserCookie(context.Request) is { } cookie)
        {
            return new ErrorResult(ErrorCatalog.ApiFlowUsedByBrowser.With(new Dictionary<string, object?> { ["cookie"] = cookie }));
        }

        // Single use (seed 000's appendix): the sequential case. Concurrent submissions that all got past this point
        // are settled by the claim (FlowStore.ClaimAsync) and by the conditional saves (FlowRerenderer).
        if (FlowFinality.IsFinished(flow))
        {
            return await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        if (!flow.IsExpiredAt(clock.GetUtcNow()))
        {
            return null;
        }

        var replacement = factory.Replace(context, flow, replacementState ?? flow.State);
        addForm(replacement);
        replacement.Ui.AddMessage(null, responder.ExpiryMessage(expiryMessage, flow));
        await store.InsertAsync(replacement, cancellationToken);
        return responder.ExpiredOnSubmit(context, flow, replacement);
    }
}
