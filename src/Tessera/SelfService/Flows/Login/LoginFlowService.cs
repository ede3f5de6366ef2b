// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.SelfService.Methods.Password;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// The login journey: creating flows (browser and API; first factor, refresh or second factor) and handing a
/// submission to <see cref="LoginSubmission"/>. Every answer goes through <see cref="FlowResponder"/> (the flow) or
/// the error writer (bare errors).
/// </summary>
internal sealed class LoginFlowService(
    FlowFactory factory, FlowStarter starter, FlowCompletion completion, SecondFactorLogin secondFactor, LoginSubmission submission,
    PasswordLoginMethod password, LoginIdentityPin pin, LoginFirstFactorForm form, SecondFactorCodeSteps secondFactorCode,
    WebAuthnLoginMethod securityKey)
{
    public const string StateChooseMethod = "choose_method";
    public const string StatePassedChallenge = FlowFinality.PassedChallenge;

    public async Task<IResult> CreateAsync(
        HttpContext context, FlowType type, LoginFlowRequest request, CancellationToken cancellationToken, Action<Flow>? prepare = null)
    {
        var returnTo = request.ReturnTo;
        var existing = await completion.CurrentSessionAsync(context, cancellationToken);
        if (existing is not null && !request.Refresh && (request.Aal is null or "aal1" || existing.Aal == request.Aal))
        {
            // Kratos: a logged-in browser navigating to login goes back to where it came from; scripts and apps are told.
            return type == FlowType.Browser && !FlowClient.WantsJson(context.Request)
                ? new SeeOtherResult(returnTo ?? completion.DefaultReturnUrl)
                : new ErrorResult(FlowStarter.SessionAlreadyAvailable(FlowKind.Login));
        }

        if (request.Aal is not null and not "aal1" && existing is null)
        {
            return new ErrorResult(ErrorCatalog.SessionAal1Required);
        }

        // Past the checks above, a session here means a re-authentication or a step-up: the flow belongs to the
        // session's identity (LoginIdentityPin). Without a session there is nothing to refresh (Kratos: refresh false).
        var flow = factory.Create(context, FlowKind.Login, type, returnTo, StateChooseMethod) with
        {
            Refresh = request.Refresh && existing is not null,
            RequestedAal = request.Aal ?? "aal1",
            IdentityId = existing?.IdentityId,
        };
        if (flow.RequestedAal == "aal1")
        {
            await AddFirstFactorAsync(flow, cancellationToken);
        }
        else
        {
            // Second factor (issue 7): the form offers what the session's identity has set up.
            await secondFactor.AddNodesAsync(flow.Ui, existing!.IdentityId, cancellationToken);
            await secondFactorCode.AddNodesAsync(flow.Ui, existing.IdentityId, cancellationToken);
            await securityKey.AddNodesAsync(flow, existing.IdentityId, cancellationToken);
            flow.Ui.Messages.Add(UiMessages.InfoSelfServiceLoginMFA.With());
        }

        // A caller's own additions (a social sign-in that expired restarts with its message), then the captcha node when
        // required (issue 10), then the before-hooks (issue 8), then the flow is stored.
        prepare?.Invoke(flow);
        return await starter.StartAsync(context, flow, cancellationToken);
    }

    public Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken) =>
        submission.SubmitAsync(context, flow, body, cancellationToken);

    private async Task AddFirstFactorAsync(Flow flow, CancellationToken cancellationToken)
    {
        if (flow.IdentityId is { } identityId && await pin.PinnedIdentifierAsync(identityId, cancellationToken) is { } identifier)
        {
            form.AddPinned(flow.Ui, identifier);
        }
        else
        {
            form.Add(flow.Ui, identifier: null, await password.IdentifierLabelAsync(cancellationToken));
        }

        // Security keys and passkeys (issue 23): next to the password, on browser flows.
        form.AddKeys(flow);
        if (flow.Refresh)
        {
            flow.Ui.Messages.Add(UiMessages.InfoSelfServiceLoginReAuth.With());
        }
    }
}
