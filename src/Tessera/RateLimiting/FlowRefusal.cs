// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.Ui.Messages;

namespace Tessera.RateLimiting;

/// <summary>
/// A flow submission refused before its method ran (rate limit, brute force, captcha). The flow keeps the message
/// either way; an HTML browser is sent back to the flow's UI, which shows it (never a bare error page for a form the
/// person can submit again), while API clients and scripts get the catalog error in their wire format.
/// </summary>
internal sealed class FlowRefusal(FlowStore store, FlowResponder responder)
{
    public async Task<IResult> RefuseAsync(HttpContext context, Flow flow, TesseraError error, UiText message, CancellationToken cancellationToken)
    {
        flow.Ui.ClearMessages();
        flow.Ui.AddMessage(null, message);
        await store.SaveAsync(flow, cancellationToken);
        if (flow.Type != FlowType.Browser || FlowClient.WantsJson(context.Request))
        {
            return new ErrorResult(error);
        }

        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return responder.Rerender(context, flow);
    }
}
