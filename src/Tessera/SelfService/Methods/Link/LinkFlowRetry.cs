// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.SelfService.Flows;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// Where a link that cannot be used leads (Kratos's "retry the flow"): a new browser flow of the same kind at the
/// first step, for the browser that opened the link, carrying the message that says why. HTML browsers go to its UI;
/// scripts are sent to the flow's JSON (<c>/self-service/&lt;kind&gt;/flows?id=</c>), as Kratos answers.
/// </summary>
internal sealed class LinkFlowRetry(FlowFactory factory, FlowStore store, FlowResponder responder, PublicUrls urls)
{
    public async Task<IResult> RetryAsync(HttpContext context, Flow failed, UiText message, CancellationToken cancellationToken)
    {
        var returnTo = failed.ReturnTo is null ? null : new Uri(failed.ReturnTo);
        var flow = factory.Create(context, failed.Kind, FlowType.Browser, returnTo, LinkFlowSubmission.StateChooseMethod);
        LinkFormNodes.AddEmailForm(flow.Ui, email: null);
        flow.Ui.AddMessage(null, message);
        await store.InsertAsync(flow, cancellationToken);
        return FlowClient.WantsJson(context.Request)
            ? new SeeOtherResult(urls.For($"/self-service/{FlowNames.Of(flow.Kind)}/flows?id={flow.Id}"))
            : new SeeOtherResult(responder.UiUrl(flow));
    }
}
