// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Code;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Link;

/// <summary>What the verification flow does with <c>use: link</c>: a submission asks for a link; after registration a flow starts with one sent.</summary>
internal sealed class VerificationLinkSteps(FlowFactory factory, FlowStore store, LinkFlowSubmission submission, LinkVerificationMethod link)
{
    public Task<IResult> SubmitAsync(HttpContext context, Flow flow, CodeFlowRequest request, CancellationToken cancellationToken) =>
        submission.HandleAsync(context, flow, request, LinkFlowMessages.Verification, link.SendAsync, cancellationToken);

    /// <summary>A stored flow in <c>sent_email</c> whose link went to an address known to be <paramref name="identityId"/>'s.</summary>
    public async Task<Flow> CreateSentAsync(HttpContext context, FlowType type, Uri? returnTo, Guid identityId, string address, CancellationToken cancellationToken)
    {
        var flow = factory.Create(context, FlowKind.Verification, type, returnTo, LinkFlowSubmission.StateSentEmail) with { Active = LinkMethodOptions.Method };
        LinkFormNodes.AddEmailForm(flow.Ui, address);
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceVerificationEmailSent.With());
        await store.InsertAsync(flow, cancellationToken);
        await link.SendToIdentityAsync(flow, identityId, address, cancellationToken);
        return flow;
    }
}
