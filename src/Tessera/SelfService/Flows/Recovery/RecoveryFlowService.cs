// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.SelfService.Methods.Code;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>
/// The recovery journey with the code method: <c>choose_method</c> (the address) -&gt; <c>sent_email</c> (the code)
/// -&gt; <c>passed_challenge</c> (signed in, on to settings). Answers go through <see cref="FlowResponder"/>.
/// </summary>
internal sealed class RecoveryFlowService(
    FlowFactory factory,
    FlowStore store,
    FlowResponder responder,
    FlowGate gate,
    CodeRecoveryMethod code,
    RecoveryCompletion completion,
    RecoveryOptions options)
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

        var flow = factory.Create(context, FlowKind.Recovery, type, returnTo, StateChooseMethod);
        CodeFormNodes.AddEmailForm(flow.Ui, email: null);
        await store.InsertAsync(flow, cancellationToken);
        return responder.Created(context, flow);
    }

    /// <summary>
    /// <c>POST /admin/recovery/code</c>: a flow already waiting for a code that only the administrator knows. It has
    /// no browser to bind to, so it skips the CSRF check (as Kratos's does); the code is the secret.
    /// </summary>
    public async Task<RecoveryCodeForIdentityResponse> CreateForIdentityAsync(
        HttpContext context, Identity identity, FlowType type, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        var created = factory.Create(context, FlowKind.Recovery, FlowType.Api, returnTo: null, StateSentEmail);
        var flow = created with { Type = type, CsrfToken = string.Empty, ExpiresAt = created.IssuedAt + expiresIn, Active = "code" };
        flow.InternalContext["dangerous_skip_csrf_check"] = type == FlowType.Browser;
        CodeFormNodes.AddCodeForm(flow.Ui, UiMessages.InfoNodeLabelRecoveryCode, resendTo: null);
        await store.InsertAsync(flow, cancellationToken);
        var recoveryCode = await code.IssueForIdentityAsync(flow, identity, expiresIn, cancellationToken);
        return new RecoveryCodeForIdentityResponse(responder.UiUrl(flow).AbsoluteUri, recoveryCode, flow.ExpiresAt);
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateRecoveryFlowRequest body, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        // An expired flow is replaced by one at the first step: the code it waited for dies with it.
        var blocked = await gate.CheckAsync(context, flow with { State = StateChooseMethod }, body.CsrfToken, UiMessages.ErrorValidationRecoveryFlowExpired,
            replacement => CodeFormNodes.AddEmailForm(replacement.Ui, body.Email), cancellationToken);
        if (blocked is not null)
        {
            return blocked;
        }

        flow.Ui.ClearMessages();
        if (flow.State == StatePassedChallenge)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationRecoveryRetrySuccess.With());
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (body.Method != "code")
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationRecoveryNoStrategyFound.With());
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

        // Don't reveal whether the address has an account: from here on the flow, and so the answer, is the same
        // whether a code was sent or not.
        CodeFormNodes.Clear(flow.Ui);
        CodeFormNodes.AddCodeForm(flow.Ui, UiMessages.InfoNodeLabelRecoveryCode, resendTo: address);
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceRecoveryEmailWithCodeSent.With());
        return await RerenderAsync(context, flow with { State = StateSentEmail }, StatusCodes.Status200OK, cancellationToken);
    }

    private async Task<IResult> CheckCodeAsync(HttpContext context, Flow flow, string? submitted, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(submitted))
        {
            flow.Ui.AddMessage(CodeFormNodes.Code, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeFormNodes.Code }));
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var identity = await code.VerifyAsync(flow, submitted, cancellationToken);
        if (identity is null)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationRecoveryCodeInvalidOrAlreadyUsed.With());
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        CodeFormNodes.Clear(flow.Ui);
        return await completion.CompleteAsync(context, flow, identity, cancellationToken);
    }

    private async Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken)
    {
        var updated = flow with { Active = "code" };
        await store.UpdateAsync(updated, cancellationToken);
        return responder.Rerender(context, updated, status);
    }
}
