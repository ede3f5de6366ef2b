// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// Opening a verification link (<c>GET /self-service/verification?flow=&amp;token=</c>). A usable token marks the
/// address it was sent to verified (<c>verified: true, status: completed</c>) and finishes the flow
/// (<see cref="VerificationLinkSuccess"/>). A missing (4070004), wrong or used (4070001) or expired (4070005) token leads
/// to a new verification flow that says so. No CSRF check: the token is the secret, used by one conditional UPDATE.
/// </summary>
internal sealed class VerificationLinkOpening(
    LinkVerificationMethod link, LinkFlowRetry retry, FlowHooks hooks, FlowRerenderer rerenderer, VerificationLinkSuccess success)
{
    private static readonly LinkFlowMessages Messages = LinkFlowMessages.Verification;

    public async Task<IResult> OpenAsync(HttpContext context, Flow flow, string? token, CancellationToken cancellationToken)
    {
        var check = await retry.CheckAsync(context, flow, token, Messages, link.UseAsync, cancellationToken);
        if (check is not { Identity: { } identity })
        {
            return check.Refusal!;
        }

        // verification.after.hooks run once the address is verified; an interrupting hook changes the answer, not the
        // verified address.
        flow.Ui.ClearMessages();
        var hooked = await hooks.RunAsync(hooks.After(FlowKind.Verification, LinkMethodOptions.Method), context, flow, identity, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null
                ? new ErrorResult(stop.Error!)
                : await rerenderer.SaveAsync(context, flow with { Active = LinkMethodOptions.Method }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        return await success.FinishAsync(context, flow, cancellationToken);
    }
}
