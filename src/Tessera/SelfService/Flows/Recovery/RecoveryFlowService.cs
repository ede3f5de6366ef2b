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
internal sealed class RecoveryFlowService(FlowFactory factory, FlowStarter starter, FlowGate gate, RecoveryCodeSteps steps, RecoveryOptions options)
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

        // Kratos: recovery is for people who cannot sign in; a signed-in one is sent back or told so.
        if (await starter.RefuseSignedInAsync(context, type, returnTo, cancellationToken) is { } signedIn)
        {
            return signedIn;
        }

        var flow = factory.Create(context, FlowKind.Recovery, type, returnTo, StateChooseMethod);
        CodeFormNodes.AddEmailForm(flow.Ui, email: null);
        return await starter.StartAsync(context, flow, cancellationToken);
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
        return await steps.StoreWithAdminCodeAsync(flow, identity, expiresIn, cancellationToken);
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
            return await steps.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (body.Method != "code")
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationRecoveryNoStrategyFound.With());
            return await steps.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(body.Email) || flow.State == StateChooseMethod)
        {
            return await steps.SendCodeAsync(context, flow, body.Email, body.CaptchaTurnstileResponse, cancellationToken);
        }

        return await steps.CheckCodeAsync(context, flow, body.Code, cancellationToken);
    }
}
