// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>
/// Stores a flow that now carries a submission's messages and answers with it, and answers a submission of a finished
/// flow. The answer is always the flow as stored, because HTML browsers are sent to the flow's UI, which fetches it:
/// what a script reads in the body and what a browser's UI shows must be the same flow.
/// </summary>
internal sealed class FlowRerenderer(FlowStore store, FlowResponder responder, FlowFactory factory)
{
    /// <summary>
    /// Saves the re-rendered flow and answers with it. A submission that lost a race to the one that finished the flow
    /// (a wrong password beside the right one) is told the flow is finished, which is what it now is.
    /// </summary>
    public async Task<IResult> SaveAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken)
    {
        var saved = await store.SaveAsync(flow, cancellationToken);
        return saved.Outcome == FlowSaveOutcome.Finished
            ? await AlreadyCompletedAsync(context, saved.Flow, cancellationToken)
            : responder.Rerender(context, saved.Flow, status);
    }

    /// <summary>
    /// The answer to any submission of a finished flow: the flow carrying the kind's "already completed" message
    /// (4010007, 4040002, 4060001, 4070002). API clients and scripts get it with 400; HTML browsers a 303 to the
    /// flow's UI, which shows it. <paramref name="flow"/> may be the copy read before another submission finished it.
    /// </summary>
    public async Task<IResult> AlreadyCompletedAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        var finished = FlowFinality.IsFinished(flow) ? flow : await store.FindAsync(flow.Id, flow.Kind, cancellationToken) ?? flow;
        finished.Ui.ClearMessages();
        finished.Ui.AddMessage(null, FlowFinality.AlreadyCompleted(finished.Kind).With());

        // Concurrent resubmissions all write this same message; whichever lands, the stored flow says it.
        await store.SaveAsync(finished, cancellationToken);
        return responder.Rerender(context, finished, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Replaces a flow that cannot go on (a code flow whose guesses are used up) with a new one in
    /// <paramref name="state"/> carrying <paramref name="addForm"/>'s form, as Kratos does: scripts and API clients get
    /// 410 <c>self_service_flow_replaced</c> with <c>use_flow_id</c>, HTML browsers a 303 to the new flow's UI.
    /// </summary>
    public async Task<IResult> ReplaceAsync(HttpContext context, Flow flow, string state, Action<Flow> addForm, CancellationToken cancellationToken)
    {
        var replacement = factory.Replace(context, flow, state);
        addForm(replacement);
        await store.InsertAsync(replacement, cancellationToken);
        return flow.Type == FlowType.Browser && !FlowClient.WantsJson(context.Request)
            ? new Hosting.SeeOtherResult(responder.UiUrl(replacement))
            : new Errors.ErrorResult(new Errors.TesseraError(Errors.ErrorCatalog.SelfServiceFlowReplaced) { UseFlowId = replacement.Id });
    }
}
