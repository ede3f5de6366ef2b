// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Link;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>
/// The verification journey with the code method: <c>choose_method</c> (the address) -&gt; <c>sent_email</c> (the
/// code) -&gt; <c>passed_challenge</c> (the address is verified; a "Continue" link leads on). With <c>use: link</c> the
/// form asks for the address and the e-mailed link finishes the flow (<see cref="VerificationLinkOpening"/>).
/// </summary>
internal sealed class VerificationFlowService(
    FlowFactory factory, FlowStarter starter, CodeFlowSubmission submission, VerificationCodeSteps steps, FlowCompletion completion, ProjectOptions<VerificationOptions> options,
    VerificationLinkSteps link)
{
    private static readonly CodeFlowMessages Messages = new(
        UiMessages.ErrorValidationVerificationFlowExpired, UiMessages.ErrorValidationVerificationNoStrategyFound);

    public const string StateChooseMethod = "choose_method";
    public const string StateSentEmail = "sent_email";
    public const string StatePassedChallenge = FlowFinality.PassedChallenge;

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, Uri? returnTo, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        // Kratos names the method in use (`use`) as the flow's `active` from the start; Ory Elements picks its form by it.
        var flow = factory.Create(context, FlowKind.Verification, type, returnTo, StateChooseMethod) with { Active = options.Value.Use };
        if (options.Value.UsesLink)
        {
            LinkFormNodes.AddEmailForm(flow.Ui, email: null);
        }
        else
        {
            CodeFormNodes.AddEmailForm(flow.Ui, email: null);
        }

        return await starter.StartAsync(context, flow, cancellationToken);
    }

    /// <summary>A flow already waiting for a code e-mailed to an address of <paramref name="identityId"/> (after registration).</summary>
    public async Task<Flow> CreateSentAsync(HttpContext context, FlowType type, Uri? returnTo, Guid identityId, string address, CancellationToken cancellationToken)
    {
        if (options.Value.UsesLink)
        {
            return await link.CreateSentAsync(context, type, returnTo, identityId, address, cancellationToken);
        }

        var flow = factory.Create(context, FlowKind.Verification, type, returnTo, StateSentEmail) with { Active = "code" };
        CodeFormNodes.AddCodeForm(flow.Ui, UiMessages.InfoNodeLabelVerificationCode, resendTo: address);
        flow.Ui.AddMessage(null, VerificationCodeSteps.CodeSentMessage(address));
        await steps.StoreSentAsync(flow, identityId, address, cancellationToken);
        return flow;
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateVerificationFlowRequest body, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var request = new CodeFlowRequest(body.Method, body.Email, body.CsrfToken, body.CaptchaTurnstileResponse);
        if (options.Value.UsesLink)
        {
            return await link.SubmitAsync(context, flow, request, cancellationToken);
        }

        var answered = await submission.HandleAsync(context, flow, request, Messages, steps, cancellationToken);
        if (answered is not null)
        {
            return answered;
        }

        var next = flow.ReturnTo is not null ? new Uri(flow.ReturnTo) : options.Value.AfterReturnUrl ?? completion.DefaultReturnUrl;
        return await steps.CheckCodeAsync(context, flow, body.Code, next, cancellationToken);
    }
}
