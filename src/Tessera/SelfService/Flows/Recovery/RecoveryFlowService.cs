// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Link;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>
/// The recovery journey with the code method: <c>choose_method</c> (the address) -&gt; <c>sent_email</c> (the code)
/// -&gt; <c>passed_challenge</c> (signed in, on to settings). Answers go through <see cref="FlowResponder"/>. With
/// <c>use: link</c> the form asks for the address and the e-mailed link finishes the flow (<see cref="RecoveryLinkOpening"/>).
/// </summary>
internal sealed class RecoveryFlowService(
    FlowFactory factory, FlowStarter starter, CodeFlowSubmission submission, RecoveryCodeSteps steps, LinkFlowSubmission linkSubmission, LinkRecoveryMethod link,
    ProjectOptions<RecoveryOptions> options)
{
    private static readonly CodeFlowMessages Messages = new(
        UiMessages.ErrorValidationRecoveryFlowExpired, UiMessages.ErrorValidationRecoveryNoStrategyFound);

    public const string StateChooseMethod = "choose_method";
    public const string StateSentEmail = "sent_email";
    public const string StatePassedChallenge = FlowFinality.PassedChallenge;

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, Uri? returnTo, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        // Kratos: recovery is for people who cannot sign in; a signed-in one is sent back or told so.
        if (await starter.RefuseSignedInAsync(context, FlowKind.Recovery, type, returnTo, cancellationToken) is { } signedIn)
        {
            return signedIn;
        }

        // Kratos names the method in use (`use`) as the flow's `active` from the start; Ory Elements picks its form by it.
        var flow = factory.Create(context, FlowKind.Recovery, type, returnTo, StateChooseMethod) with { Active = options.Value.Use };
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
        if (!options.Value.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var request = new CodeFlowRequest(body.Method, body.Email, body.CsrfToken, body.CaptchaTurnstileResponse);
        if (options.Value.UsesLink)
        {
            return await linkSubmission.HandleAsync(context, flow, request, LinkFlowMessages.Recovery, link.SendAsync, cancellationToken);
        }

        var answered = await submission.HandleAsync(context, flow, request, Messages, steps, cancellationToken);
        if (answered is not null)
        {
            return answered;
        }

        return await steps.CheckCodeAsync(context, flow, body.Code, cancellationToken);
    }
}
