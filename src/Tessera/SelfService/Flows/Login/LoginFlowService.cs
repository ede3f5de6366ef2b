// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.SelfService.Flows.Verification;
using Tessera.SelfService.Hooks;
using Tessera.RateLimiting;
using Tessera.SelfService.Methods.Password;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// The login journey: creating flows (browser and API), and submitting one with the password method. Every
/// answer goes through <see cref="FlowResponder"/> (the flow) or the error writer (bare errors).
/// </summary>
internal sealed class LoginFlowService(
    FlowFactory factory,
    FlowStore store,
    FlowResponder responder,
    FlowCompletion completion,
    PasswordLoginMethod password,
    FlowGate gate,
    RequireVerifiedAddressHook requireVerifiedAddress,
    SecondFactorLogin secondFactor,
    FlowHooks hooks,
    LoginAttemptGuard guard)
{
    public const string StateChooseMethod = "choose_method";
    public const string StatePassedChallenge = "passed_challenge";

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, LoginFlowRequest request, CancellationToken cancellationToken)
    {
        var returnTo = request.ReturnTo;
        var existing = await completion.CurrentSessionAsync(context, cancellationToken);
        if (existing is not null && !request.Refresh && (request.Aal is null or "aal1" || existing.Aal == request.Aal))
        {
            // Kratos: a logged-in browser navigating to login goes back to where it came from; scripts and apps are told.
            return type == FlowType.Browser && !FlowClient.WantsJson(context.Request)
                ? new SeeOtherResult(returnTo ?? completion.DefaultReturnUrl)
                : new ErrorResult(ErrorCatalog.SessionAlreadyAvailable);
        }

        if (request.Aal is not null and not "aal1" && existing is null)
        {
            return new ErrorResult(ErrorCatalog.SessionAal1Required);
        }

        var flow = factory.Create(context, FlowKind.Login, type, returnTo, StateChooseMethod) with
        {
            Refresh = request.Refresh,
            RequestedAal = request.Aal ?? "aal1",
        };
        if (flow.RequestedAal == "aal1")
        {
            LoginNodes.AddPassword(flow.Ui, identifier: null, await password.IdentifierLabelAsync(cancellationToken));
        }
        else
        {
            // Second factor (issue 7): the form offers what the session's identity has set up.
            await secondFactor.AddNodesAsync(flow.Ui, existing!.IdentityId, cancellationToken);
        }

        await guard.PrepareAsync(context, flow, cancellationToken);
        if (await hooks.BeforeAsync(context, flow, cancellationToken) is { } refused)
        {
            return new ErrorResult(refused);
        }

        await store.InsertAsync(flow, cancellationToken);
        return responder.Created(context, flow);
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var identifier = body.Identifier ?? body.PasswordIdentifier;
        var identifierLabel = await password.IdentifierLabelAsync(cancellationToken);
        var blocked = await gate.CheckAsync(context, flow, body.CsrfToken, UiMessages.ErrorValidationLoginFlowExpired,
            replacement => LoginNodes.AddPassword(replacement.Ui, identifier, identifierLabel), cancellationToken);
        if (blocked is not null)
        {
            return blocked;
        }

        flow.Ui.ClearMessages();
        if (SecondFactorLogin.Handles(flow, body.Method))
        {
            return await CompleteSecondFactorAsync(context, flow, body, cancellationToken);
        }

        flow.Ui.SetValue(LoginNodes.Identifier, identifier is null ? null : JsonValue.Create(identifier));
        if (body.Method != "password")
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationLoginNoStrategyFound.With());
            return await RerenderAsync(context, flow, cancellationToken);
        }

        var missing = false;
        foreach (var (field, value) in new[] { (LoginNodes.Identifier, identifier), (LoginNodes.Password, body.Password) })
        {
            if (string.IsNullOrEmpty(value))
            {
                flow.Ui.AddMessage(field, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = field }));
                missing = true;
            }
        }

        if (missing)
        {
            return await RerenderAsync(context, flow, cancellationToken);
        }

        // Brute force and captcha: refused before the password is tried, whatever it is.
        if (await guard.BeforeAuthenticatingAsync(context, flow, identifier!, body.CaptchaTurnstileResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await password.AuthenticateAsync(identifier!, body.Password!, cancellationToken);
        await guard.AfterOutcomeAsync(context, identifier!, result.Identity is not null, cancellationToken);
        if (result.Identity is null)
        {
            flow.Ui.AddMessage(null, result.Message!);
            return await RerenderAsync(context, flow, cancellationToken);
        }

        // Verification (issue 6): the require_verified_address hook keeps unverified identities out (4000010).
        if (requireVerifiedAddress.Refusal(result.Identity) is { } unverified)
        {
            flow.Ui.AddMessage(null, unverified);
            return await RerenderAsync(context, flow, cancellationToken);
        }

        // Hook point (issue 8): the after-hooks run before the session exists, so an interrupting hook stops the login.
        var afterHooks = hooks.After(FlowKind.Login, "password");
        var hooked = await hooks.RunAsync(afterHooks, context, flow, result.Identity, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null ? new ErrorResult(stop.Error!) : await RerenderAsync(context, flow, cancellationToken);
        }

        await store.UpdateAsync(flow with { State = StatePassedChallenge, Active = "password", IdentityId = result.Identity.Id }, cancellationToken);
        var (session, token) = await completion.SignInAsync(context, flow, result.Identity, "password", cancellationToken);
        await hooks.AfterSignInAsync(afterHooks, result.Identity.Id, session.Id, cancellationToken);
        if (FlowCompletion.AnswersWithRedirect(context, flow))
        {
            return completion.RedirectAfter(flow);
        }

        return TypedResults.Ok(new SuccessfulLoginResponse(session, flow.Type == FlowType.Api ? token : null));
    }

    /// <summary>Issue 7: a TOTP or backup code on an aal2 flow raises the current session to aal2.</summary>
    private async Task<IResult> CompleteSecondFactorAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var code = body.Method == SecondFactorLogin.LookupSecret ? body.LookupSecret : body.TotpCode;
        var result = await secondFactor.CompleteAsync(context, body.Method!, code, cancellationToken);
        if (result.Error is not null)
        {
            return new ErrorResult(result.Error);
        }

        if (result.Raised is not { } raised)
        {
            flow.Ui.AddMessage(result.Field, result.Message!);
            return await RerenderAsync(context, flow, cancellationToken, body.Method!);
        }

        await store.UpdateAsync(flow with { State = StatePassedChallenge, Active = body.Method }, cancellationToken);
        return FlowCompletion.AnswersWithRedirect(context, flow)
            ? completion.RedirectAfter(flow)
            : TypedResults.Ok(new SuccessfulLoginResponse(raised.Session, flow.Type == FlowType.Api ? raised.Token : null));
    }

    private async Task<IResult> RerenderAsync(HttpContext context, Flow flow, CancellationToken cancellationToken, string active = "password")
    {
        var updated = flow with { Active = active };
        await store.UpdateAsync(updated, cancellationToken);
        return responder.Rerender(context, updated);
    }
}
