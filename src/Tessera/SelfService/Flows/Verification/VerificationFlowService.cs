// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Methods.Code;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>
/// The verification journey with the code method: <c>choose_method</c> (the address) -&gt; <c>sent_email</c> (the
/// code) -&gt; <c>passed_challenge</c> (the address is verified; a "Continue" link leads on).
/// </summary>
internal sealed class VerificationFlowService(
    FlowFactory factory,
    FlowStore store,
    FlowResponder responder,
    FlowGate gate,
    CodeVerificationMethod code,
    FlowCompletion completion,
    VerificationOptions options)
{
    public const string StateChooseMethod = "choose_method";
    public const string StateSentEmail = "sent_email";
    public const string StatePassedChallenge = "passed_challenge";

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, Uri? returnTo, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var flow = factory.Create(context, FlowKind.Verification, type, returnTo, StateChooseMethod);
        CodeFormNodes.AddEmailForm(flow.Ui, email: null);
        await store.InsertAsync(flow, cancellationToken);
        return responder.Created(context, flow);
    }

    /// <summary>A flow already waiting for a code e-mailed to an address of <paramref name="identityId"/> (after registration).</summary>
    public async Task<Flow> CreateSentAsync(HttpContext context, FlowType type, Uri? returnTo, Guid identityId, string address, CancellationToken cancellationToken)
    {
        var flow = factory.Create(context, FlowKind.Verification, type, returnTo, StateSentEmail) with { Active = "code" };
        CodeFormNodes.AddCodeForm(flow.Ui, UiMessages.InfoNodeLabelVerificationCode, resendTo: address);
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceVerificationEmailWithCodeSent.With());
        await store.InsertAsync(flow, cancellationToken);
        await code.SendToIdentityAsync(flow, identityId, address, cancellationToken);
        return flow;
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateVerificationFlowRequest body, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        // An expired flow is replaced by one at the first step: the code it waited for dies with it.
        var blocked = await gate.CheckAsync(context, flow with { State = StateChooseMethod }, body.CsrfToken, UiMessages.ErrorValidationVerificationFlowExpired,
            replacement => CodeFormNodes.AddEmailForm(replacement.Ui, body.Email), cancellationToken);
        if (blocked is not null)
        {
            return blocked;
        }

        flow.Ui.ClearMessages();
        if (flow.State == StatePassedChallenge)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationVerificationRetrySuccess.With());
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (body.Method != "code")
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationVerificationNoStrategyFound.With());
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(body.Email) || flow.State == StateChooseMethod)
        {
            return await SendCodeAsync(context, flow, body.Email, cancellationToken);
        }

        return await CheckCodeAsync(context, flow, body.Code, cancellationToken);
    }

    private async Task<IResult> SendCodeAsync(HttpContext context, Flow flow, string? email, CancellationToken cancellationToken)
    {
        if (CodeAddress.Problem(email) is { } problem)
        {
            CodeFormNodes.Clear(flow.Ui);
            CodeFormNodes.AddEmailForm(flow.Ui, email);
            flow.Ui.AddMessage(CodeFormNodes.Email, problem);
            return await RerenderAsync(context, flow with { State = StateChooseMethod }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var address = email!.Trim();
        await code.SendAsync(flow, address, cancellationToken);

        // Don't reveal whether the address is known: from here on the flow, and so the answer, is the same.
        CodeFormNodes.Clear(flow.Ui);
        CodeFormNodes.AddCodeForm(flow.Ui, UiMessages.InfoNodeLabelVerificationCode, resendTo: address);
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceVerificationEmailWithCodeSent.With());
        return await RerenderAsync(context, flow with { State = StateSentEmail }, StatusCodes.Status200OK, cancellationToken);
    }

    private async Task<IResult> CheckCodeAsync(HttpContext context, Flow flow, string? submitted, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(submitted))
        {
            flow.Ui.AddMessage(CodeFormNodes.Code, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeFormNodes.Code }));
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!await code.VerifyAsync(flow, submitted, cancellationToken))
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationVerificationCodeInvalidOrAlreadyUsed.With());
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        CodeFormNodes.Clear(flow.Ui);
        var next = flow.ReturnTo is not null ? new Uri(flow.ReturnTo) : options.AfterReturnUrl ?? completion.DefaultReturnUrl;
        flow.Ui.Nodes.Add(new UiNode("a", CodeFormNodes.Group,
            new UiAnchorAttributes("continue", next.AbsoluteUri, UiMessages.InfoNodeLabelContinue.With()), new UiNodeMeta(UiMessages.InfoNodeLabelContinue.With())));
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceVerificationSuccessful.With());
        return await RerenderAsync(context, flow with { State = StatePassedChallenge }, StatusCodes.Status200OK, cancellationToken);
    }

    private async Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken)
    {
        var updated = flow with { Active = "code" };
        await store.UpdateAsync(updated, cancellationToken);
        return responder.Rerender(context, updated, status);
    }
}
