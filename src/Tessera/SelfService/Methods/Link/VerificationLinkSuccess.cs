// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Verification;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// A verification flow whose link verified its address: <c>passed_challenge</c> with 1080002 and a "Continue" link to
/// return_to (else <c>verification.after.default_browser_return_url</c>, else the default return URL). The browser that
/// opened the link is often not the one that started the flow (a phone's mail app), so the finished flow, which holds
/// nothing secret, is readable by any browser (Kratos re-binds it to the opener's CSRF token). HTML browsers go to the
/// flow's UI, scripts get the flow.
/// </summary>
internal sealed class VerificationLinkSuccess(FlowStore store, FlowResponder responder, FlowRerenderer rerenderer, FlowCompletion completion, ProjectOptions<VerificationOptions> options)
{
    public async Task<IResult> FinishAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        var next = flow.ReturnTo is not null ? new Uri(flow.ReturnTo) : options.Value.AfterReturnUrl ?? completion.DefaultReturnUrl;
        LinkFormNodes.Clear(flow.Ui);
        flow.Ui.Nodes.Add(new UiNode("a", LinkFormNodes.Group,
            new UiAnchorAttributes("continue", next.AbsoluteUri, UiMessages.InfoNodeLabelContinue.With()), new UiNodeMeta(UiMessages.InfoNodeLabelContinue.With())));
        flow.Ui.ClearMessages();
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceVerificationSuccessful.With());
        var done = flow with { State = VerificationFlowService.StatePassedChallenge, Active = LinkMethodOptions.Method };
        done.InternalContext["dangerous_skip_csrf_check"] = true;

        // Single use: of concurrent openings only the one that moves the flow to its final state answers success.
        if (!await store.ClaimAsync(done, cancellationToken))
        {
            return await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        return FlowClient.WantsJson(context.Request)
            ? TypedResults.Json(FlowResponse.From(done), statusCode: StatusCodes.Status200OK)
            : new SeeOtherResult(responder.UiUrl(done));
    }
}
