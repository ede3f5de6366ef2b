// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The part of a recovery or verification submission both share: CSRF, a finished flow and expiry (an expired
/// flow is replaced by one at the first step: the code it waited for dies with it), an unknown method, and sending a
/// code when an address is given or none was sent yet. Null means the submission carries a code to check.
/// </summary>
internal sealed class CodeFlowSubmission(FlowGate gate)
{
    public const string StateChooseMethod = "choose_method";

    public async Task<IResult?> HandleAsync(
        HttpContext context, Flow flow, CodeFlowRequest request, CodeFlowMessages messages, ICodeFlowSteps steps, CancellationToken cancellationToken)
    {
        var blocked = await gate.CheckAsync(context, flow, request.CsrfToken, messages.Expired,
            replacement => CodeFormNodes.AddEmailForm(replacement.Ui, request.Email), cancellationToken, replacementState: StateChooseMethod);
        if (blocked is not null)
        {
            return blocked;
        }

        flow.Ui.ClearMessages();
        if (request.Method != "code")
        {
            flow.Ui.AddMessage(null, messages.NoStrategy.With());
            return await steps.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(request.Email) || flow.State == StateChooseMethod)
        {
            return await steps.SendCodeAsync(context, flow, request.Email, request.CaptchaResponse, cancellationToken);
        }

        return null;
    }
}
