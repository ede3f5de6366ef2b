// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.RateLimiting;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Hooks;
using Tessera.SelfService.Methods.Code;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Verification;

/// <summary>
/// The two steps of a verification with the code method: sending a code to an address, and proving one (which marks
/// the address verified). Each ends with the flow stored and answered.
/// </summary>
internal sealed class VerificationCodeSteps(
    CodeVerificationMethod code, CodeSendGuard guard, FlowHooks hooks, FlowStore store, FlowResponder responder, FlowRerenderer rerenderer) : ICodeFlowSteps
{
    /// <summary>Stores a flow created in <c>sent_email</c> and e-mails the code to an address known to be the identity's.</summary>
    public async Task StoreSentAsync(Flow flow, Guid identityId, string address, CancellationToken cancellationToken)
    {
        await store.InsertAsync(flow, cancellationToken);
        await code.SendToIdentityAsync(flow, identityId, address, cancellationToken);
    }

    public async Task<IResult> SendCodeAsync(HttpContext context, Flow flow, string? email, string? captchaResponse, CancellationToken cancellationToken)
    {
        if (CodeAddress.Problem(email, allowPhone: true) is { } problem)
        {
            CodeFormNodes.Clear(flow.Ui);
            CodeFormNodes.AddEmailForm(flow.Ui, email);
            flow.Ui.AddMessage(CodeFormNodes.Email, problem);
            return await RerenderAsync(context, flow with { State = VerificationFlowService.StateChooseMethod }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var address = email!.Trim();
        if (await guard.BeforeSendingAsync(context, flow, address, captchaResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        await code.SendAsync(flow, address, cancellationToken);

        // Don't reveal whether the address is known: from here on the flow, and so the answer, is the same.
        CodeFormNodes.Clear(flow.Ui);
        CodeFormNodes.AddCodeForm(flow.Ui, UiMessages.InfoNodeLabelVerificationCode, resendTo: address);
        flow.Ui.AddMessage(null, CodeSentMessage(address));
        return await RerenderAsync(context, flow with { State = VerificationFlowService.StateSentEmail }, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>
    /// Kratos's <c>VerificationCodeSentMessage(via)</c>: 1080004 for a phone number, 1080003 for an e-mail address. Chosen
    /// by what was typed, never by whether an account has it.
    /// </summary>
    public static UiText CodeSentMessage(string address) => CodeVerificationMethod.ViaOf(address) == CodeVerificationMethod.Via
        ? UiMessages.InfoSelfServiceVerificationEmailWithCodeSent.With()
        : UiMessages.InfoSelfServiceVerificationPhoneWithCodeSent.With();

    /// <summary>Checks the code; on success the form becomes a "Continue" link to <paramref name="next"/>.</summary>
    public async Task<IResult> CheckCodeAsync(HttpContext context, Flow flow, string? submitted, Uri next, CancellationToken cancellationToken)
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

        // Hook point (issue 8): verification.after.hooks run once the address is verified (Kratos's post-verification
        // hooks); an interrupting hook changes the answer, not the verified address.
        var hooked = await hooks.RunAsync(hooks.After(FlowKind.Verification, "code"), context, flow, identity, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null ? new ErrorResult(stop.Error!) : await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        // 1080005 for a phone number (the address the resend button holds), 1080002 for an e-mail address.
        var sentTo = ((flow.Ui.Find(CodeFormNodes.Email)?.Attributes as UiInputAttributes)?.Value as JsonValue)?.ToString();
        CodeFormNodes.Clear(flow.Ui);
        flow.Ui.Nodes.Add(new UiNode("a", CodeFormNodes.Group,
            new UiAnchorAttributes("continue", next.AbsoluteUri, UiMessages.InfoNodeLabelContinue.With()), new UiNodeMeta(UiMessages.InfoNodeLabelContinue.With())));
        flow.Ui.AddMessage(null, sentTo is not null && CodeVerificationMethod.ViaOf(sentTo) != CodeVerificationMethod.Via
            ? UiMessages.InfoSelfServiceVerificationPhoneSuccessful.With()
            : UiMessages.InfoSelfServiceVerificationSuccessful.With());

        // Single use: of concurrent submissions only the one that moves the flow to its final state answers success.
        var done = flow with { State = VerificationFlowService.StatePassedChallenge, Active = "code" };
        return await store.ClaimAsync(done, cancellationToken)
            ? responder.Rerender(context, done, StatusCodes.Status200OK)
            : await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
    }

    public Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken) =>
        rerenderer.SaveAsync(context, flow with { Active = "code" }, status, cancellationToken);

    /// <summary>
    /// A wrong code is answered as Kratos answers it: 200 with the flow carrying 4070006. Once the flow's guesses are
    /// used up it is replaced by a new one at the first step (the code it waited for dies with it).
    /// </summary>
    private async Task<IResult> WrongCodeAsync(HttpContext context, Flow flow, CodeProof proof, CancellationToken cancellationToken)
    {
        if (proof.Exhausted)
        {
            return await rerenderer.ReplaceAsync(context, flow, VerificationFlowService.StateChooseMethod, replacement =>
            {
                CodeFormNodes.AddEmailForm(replacement.Ui, email: null);
                replacement.Ui.AddMessage(null, UiMessages.ErrorValidationVerificationCodeInvalidOrAlreadyUsed.With());
            }, cancellationToken);
        }

        flow.Ui.AddMessage(null, UiMessages.ErrorValidationVerificationCodeInvalidOrAlreadyUsed.With());
        return await RerenderAsync(context, flow, StatusCodes.Status200OK, cancellationToken);
    }
}
