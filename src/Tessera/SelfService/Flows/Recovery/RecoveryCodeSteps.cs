// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.RateLimiting;
using Tessera.SelfService.Hooks;
using Tessera.SelfService.Methods.Code;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>
/// The two steps of a recovery with the code method: sending a code to an address, and proving one (which hands the
/// identity to <see cref="RecoveryCompletion"/>). Each ends with the flow stored and answered.
/// </summary>
internal sealed class RecoveryCodeSteps(
    CodeRecoveryMethod code, CodeSendGuard guard, RecoveryCompletion completion, FlowHooks hooks, FlowStore store, FlowRerenderer rerenderer) : ICodeFlowSteps
{
    /// <summary><c>POST /admin/recovery/code</c>: stores the flow and issues the code only the administrator learns.</summary>
    public async Task<RecoveryCodeForIdentityResponse> StoreWithAdminCodeAsync(Flow flow, Identity identity, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        await store.InsertAsync(flow, cancellationToken);
        var recoveryCode = await code.IssueForIdentityAsync(flow, identity, expiresIn, cancellationToken);
        return new RecoveryCodeForIdentityResponse(completion.UiUrl(flow).AbsoluteUri, recoveryCode, flow.ExpiresAt);
    }

    public async Task<IResult> SendCodeAsync(HttpContext context, Flow flow, string? email, string? captchaResponse, CancellationToken cancellationToken)
    {
        if (CodeAddress.Problem(email, allowPhone: true) is { } problem)
        {
            CodeFormNodes.Clear(flow.Ui);
            CodeFormNodes.AddEmailForm(flow.Ui, email);
            flow.Ui.AddMessage(CodeFormNodes.Email, problem);
            return await RerenderAsync(context, flow with { State = RecoveryFlowService.StateChooseMethod }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var address = email!.Trim();
        if (await guard.BeforeSendingAsync(context, flow, address, captchaResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        await code.SendAsync(flow, address, cancellationToken);

        // Don't reveal whether the address has an account: from here on the flow, and so the answer, is the same
        // whether a code was sent or not.
        CodeFormNodes.Clear(flow.Ui);
        CodeFormNodes.AddCodeForm(flow.Ui, UiMessages.InfoNodeLabelRecoveryCode, resendTo: address);
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceRecoveryEmailWithCodeSent.With());
        return await RerenderAsync(context, flow with { State = RecoveryFlowService.StateSentEmail }, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IResult> CheckCodeAsync(HttpContext context, Flow flow, string? submitted, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(submitted))
        {
            flow.Ui.AddMessage(CodeFormNodes.Code, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeFormNodes.Code }));
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var proof = await code.VerifyAsync(flow, submitted, cancellationToken);
        if (proof.Identity is not { } identity)
        {
            return await WrongCodeAsync(context, flow, proof, cancellationToken);
        }

        // Hook point (issue 8): recovery.after.hooks run before the session exists, so an interrupting hook stops the
        // sign-in (the code is spent either way: it was proven).
        var afterHooks = hooks.After(FlowKind.Recovery, "code");
        var hooked = await hooks.RunAsync(afterHooks, context, flow, identity, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null ? new ErrorResult(stop.Error!) : await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        // Single use: only the submission that moves the flow to its final state signs in.
        CodeFormNodes.Clear(flow.Ui);
        var done = completion.Passed(flow, identity);
        if (!await store.ClaimAsync(done, cancellationToken))
        {
            return await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        return await completion.CompleteAsync(context, done, identity, afterHooks, cancellationToken);
    }

    public Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken) =>
        rerenderer.SaveAsync(context, flow with { Active = "code" }, status, cancellationToken);

    /// <summary>
    /// A wrong code is answered as Kratos answers it: 200 with the flow carrying 4060006. Once the flow's guesses are
    /// used up it is replaced by a new one at the first step (the code it waited for dies with it).
    /// </summary>
    private async Task<IResult> WrongCodeAsync(HttpContext context, Flow flow, CodeProof proof, CancellationToken cancellationToken)
    {
        if (proof.Exhausted)
        {
            return await rerenderer.ReplaceAsync(context, flow, RecoveryFlowService.StateChooseMethod, replacement =>
            {
                CodeFormNodes.AddEmailForm(replacement.Ui, email: null);
                replacement.Ui.AddMessage(null, UiMessages.ErrorValidationRecoveryCodeInvalidOrAlreadyUsed.With());
            }, cancellationToken);
        }

        flow.Ui.AddMessage(null, UiMessages.ErrorValidationRecoveryCodeInvalidOrAlreadyUsed.With());
        return await RerenderAsync(context, flow, StatusCodes.Status200OK, cancellationToken);
    }
}
