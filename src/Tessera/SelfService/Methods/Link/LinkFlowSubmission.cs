// SPDX-License-Identifier: Apache-2.0
using Tessera.RateLimiting;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Code;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// A recovery or verification submission when the flow uses the link method (<c>selfservice.flows.&lt;kind&gt;.use:
/// link</c>): CSRF, a finished or expired flow (<see cref="FlowGate"/>), the method, the address, the send limit and
/// captcha (<see cref="CodeSendGuard"/>), then the e-mail. The flow goes to <c>sent_email</c> with 1060002 / 1080001
/// and keeps its form, so the button sends another link.
/// </summary>
internal sealed class LinkFlowSubmission(FlowGate gate, CodeSendGuard guard, FlowRerenderer rerenderer)
{
    public const string StateChooseMethod = "choose_method";
    public const string StateSentEmail = "sent_email";

    public async Task<IResult> HandleAsync(
        HttpContext context, Flow flow, CodeFlowRequest request, LinkFlowMessages messages, Func<Flow, string, CancellationToken, Task> send,
        CancellationToken cancellationToken)
    {
        var blocked = await gate.CheckAsync(context, flow, request.CsrfToken, messages.Expired,
            replacement => LinkFormNodes.AddEmailForm(replacement.Ui, request.Email), cancellationToken, replacementState: StateChooseMethod);
        if (blocked is not null)
        {
            return blocked;
        }

        flow.Ui.ClearMessages();
        if (request.Method != LinkMethodOptions.Method)
        {
            flow.Ui.AddMessage(null, messages.NoStrategy.With());
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        LinkFormNodes.Clear(flow.Ui);
        LinkFormNodes.AddEmailForm(flow.Ui, request.Email);
        if (CodeAddress.Problem(request.Email) is { } problem)
        {
            flow.Ui.AddMessage(LinkFormNodes.Email, problem);
            return await RerenderAsync(context, flow with { State = StateChooseMethod }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var address = request.Email!.Trim();
        if (await guard.BeforeSendingAsync(context, flow, address, request.CaptchaResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        await send(flow, address, cancellationToken);

        // Don't reveal whether the address has an account: from here on the flow, and so the answer, is the same
        // whether a link was sent or not.
        flow.Ui.AddMessage(null, messages.Sent.With());
        return await RerenderAsync(context, flow with { State = StateSentEmail }, StatusCodes.Status200OK, cancellationToken);
    }

    private Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken) =>
        rerenderer.SaveAsync(context, flow with { Active = LinkMethodOptions.Method }, status, cancellationToken);
}
