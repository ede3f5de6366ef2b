// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Identities;
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
    /// <summary>
    /// What both openings check first: a missing token, an expired one, and a wrong or spent one (or any link of a
    /// finished flow: the flow is used once) each lead to a new flow that says so (<see cref="LinkCheck.Refusal"/>);
    /// otherwise the identity the token proves, with the token spent by <paramref name="use"/>.
    /// </summary>
    public async Task<LinkCheck> CheckAsync(
        HttpContext context, Flow flow, string? token, LinkFlowMessages messages,
        Func<Flow, string, CancellationToken, Task<LinkOpened>> use, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            var missing = messages.MissingToken.With(new Dictionary<string, object?>
            {
                ["reason"] = $"The {FlowNames.Of(flow.Kind)} link carries no token. Open the link from the e-mail as it is, or ask for a new one.",
            });
            return new LinkCheck(await RetryAsync(context, flow, missing, cancellationToken), null);
        }

        var opened = await use(flow, token, cancellationToken);
        if (opened.Use is { Expired: true, Token: { } expired })
        {
            var message = messages.Expired.WithExpiry(expired.ExpiresAt, opened.Use.CheckedAt);
            return new LinkCheck(await RetryAsync(context, flow, message, cancellationToken), null);
        }

        return opened.Identity is not { } identity || FlowFinality.IsFinished(flow)
            ? new LinkCheck(await RetryAsync(context, flow, messages.InvalidToken.With(), cancellationToken), null)
            : new LinkCheck(null, identity);
    }

    public async Task<IResult> RetryAsync(HttpContext context, Flow failed, UiText message, CancellationToken cancellationToken)
    {
        var returnTo = failed.ReturnTo is null ? null : new Uri(failed.ReturnTo);
        var flow = factory.Create(context, failed.Kind, FlowType.Browser, returnTo, LinkFlowSubmission.StateChooseMethod);
        LinkFormNodes.AddEmailForm(flow.Ui, email: null);
        flow.Ui.AddMessage(null, message);
        await store.InsertAsync(flow, cancellationToken);
        responder.Counted(context, flow, StatusCodes.Status303SeeOther);
        return FlowClient.WantsJson(context.Request)
            ? new SeeOtherResult(urls.For($"/self-service/{FlowNames.Of(flow.Kind)}/flows?id={flow.Id}"))
            : new SeeOtherResult(responder.UiUrl(flow));
    }
}
