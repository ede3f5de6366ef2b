// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.RateLimiting;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Password;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// Signing in with a code (<c>passwordless_enabled</c>): <c>choose_method</c> (the identifier) -&gt; <c>sent_email</c>
/// (the code; 1010014) -&gt; signed in with <c>amr: code</c> at aal1. Sending is limited per address
/// (<see cref="CodeSendGuard"/>), guessing per flow (<c>max_submissions</c>, then the flow is replaced). As Kratos does,
/// every step that leaves the flow unfinished answers scripts with the flow and 400, browsers with a 303 to its UI.
/// </summary>
internal sealed class LoginCodeSteps(
    CodeLoginMethod code, CodeSendGuard guard, LoginOutcome outcome, FlowRerenderer rerenderer, LoginFirstFactorForm form, PasswordLoginMethod password)
{
    public const string StateSentEmail = "sent_email";
    private const string IdentifierKey = "code_identifier";

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, string? identifier, string? submittedCode, string? resend, string? captchaResponse,
        CancellationToken cancellationToken)
    {
        if (flow.State != StateSentEmail)
        {
            return await SendAsync(context, flow, identifier, captchaResponse, cancellationToken);
        }

        if (resend == CodeLoginNodes.Code)
        {
            return await SendAsync(context, flow, flow.InternalContext[IdentifierKey]?.GetValue<string>(), captchaResponse, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(submittedCode))
        {
            flow.Ui.AddMessage(CodeLoginNodes.Code, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeLoginNodes.Code }));
            return await outcome.RerenderAsync(context, flow, cancellationToken, CodeLoginNodes.Code);
        }

        var proof = await code.VerifyAsync(flow, submittedCode, cancellationToken);
        if (proof.Identity is { } identity)
        {
            return await outcome.SignInAsync(context, flow, identity, CodeLoginNodes.Code, cancellationToken);
        }

        if (proof.Exhausted)
        {
            // No guess left: the code dies with the flow; the replacement starts again at the identifier.
            var label = await password.IdentifierLabelAsync(cancellationToken);
            return await rerenderer.ReplaceAsync(context, flow, LoginFlowService.StateChooseMethod, replacement =>
            {
                form.Add(replacement, identifier: null, label);
                replacement.Ui.AddMessage(null, UiMessages.ErrorValidationLoginCodeInvalidOrAlreadyUsed.With());
            }, cancellationToken);
        }

        flow.Ui.AddMessage(null, UiMessages.ErrorValidationLoginCodeInvalidOrAlreadyUsed.With());
        return await outcome.RerenderAsync(context, flow, cancellationToken, CodeLoginNodes.Code);
    }

    private async Task<IResult> SendAsync(HttpContext context, Flow flow, string? identifier, string? captchaResponse, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(identifier))
        {
            flow.Ui.AddMessage(LoginNodes.Identifier, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = LoginNodes.Identifier }));
            return await outcome.RerenderAsync(context, flow, cancellationToken, CodeLoginNodes.Code);
        }

        var address = identifier.Trim();
        if (await guard.BeforeSendingAsync(context, flow, address, captchaResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        await code.SendAsync(flow, address, cancellationToken);

        // Don't reveal whether the address has an account: from here on the flow, and so the answer, is the same
        // whether a code was sent or not.
        CodeLoginNodes.ShowCodeStep(flow.Ui, UiMessages.InfoNodeLabelLoginCode, [(CodeLoginNodes.Identifier, address)]);
        flow.InternalContext[IdentifierKey] = JsonValue.Create(address);
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceLoginCodeSent.With());
        return await outcome.RerenderAsync(context, flow with { State = StateSentEmail }, cancellationToken, CodeLoginNodes.Code);
    }
}
