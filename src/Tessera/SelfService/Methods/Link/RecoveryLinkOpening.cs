// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Recovery;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// Opening a recovery link (<c>GET /self-service/recovery?flow=&amp;token=</c>). A usable token signs the browser in
/// (method <c>link_recovery</c>, a privileged session) and sends it to a new settings flow, as the code does. The link
/// is opened in a browser whatever the flow's type, so the answer is always a browser's: the session cookie and a 303
/// (scripts: 422 <c>browser_location_change_required</c>). A missing (4060003), wrong or used (4060004) or expired
/// (4060005) token leads to a new recovery flow that says so. No CSRF check: the token is the secret, and the
/// conditional UPDATE that uses it lets exactly one of any number of concurrent openings through.
/// </summary>
internal sealed class RecoveryLinkOpening(
    LinkRecoveryMethod link, LinkFlowRetry retry, FlowHooks hooks, FlowStore store, FlowRerenderer rerenderer, RecoveryCompletion completion)
{
    private static readonly LinkFlowMessages Messages = LinkFlowMessages.Recovery;

    public async Task<IResult> OpenAsync(HttpContext context, Flow flow, string? token, CancellationToken cancellationToken)
    {
        var check = await retry.CheckAsync(context, flow, token, Messages, link.UseAsync, cancellationToken);
        if (check is not { Identity: { } identity })
        {
            return check.Refusal!;
        }

        // recovery.after.hooks run before the session exists, so an interrupting hook stops the sign-in (the token is
        // spent either way: it was proven).
        flow.Ui.ClearMessages();
        var afterHooks = hooks.After(FlowKind.Recovery, LinkMethodOptions.Method);
        var hooked = await hooks.RunAsync(afterHooks, context, flow, identity, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null
                ? new ErrorResult(stop.Error!)
                : await rerenderer.SaveAsync(context, flow with { Active = LinkMethodOptions.Method }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        LinkFormNodes.Clear(flow.Ui);
        var done = completion.Passed(flow, identity, LinkMethodOptions.Method);
        if (!await store.ClaimAsync(done, cancellationToken))
        {
            return await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        return await completion.CompleteAsync(context, done with { Type = FlowType.Browser }, identity, afterHooks, cancellationToken);
    }
}
