// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Hosting;
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
    LoginAttemptGuard guard)
{
    public const string StateChooseMethod = "choose_method";
    public const string StatePassedChallenge = "passed_challenge";

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, LoginFlowRequest request, CancellationToken cancellationToken)
    {
        var returnTo = request.ReturnTo;
        var existing = await completion.CurrentSessionAsync(context, cancellationToken);
        if (existing is not null && !request.Refresh && request.Aal is null or "aal1")
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
        LoginNodes.AddPassword(flow.Ui, identifier: null);
        await guard.PrepareAsync(context, flow, cancellationToken);
        await store.InsertAsync(flow, cancellationToken);
        return responder.Created(context, flow);
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var identifier = body.Identifier ?? body.PasswordIdentifier;
        var blocked = await gate.CheckAsync(context, flow, body.CsrfToken, UiMessages.ErrorValidationLoginFlowExpired,
            replacement => LoginNodes.AddPassword(replacement.Ui, identifier), cancellationToken);
        if (blocked is not null)
        {
            return blocked;
        }

        flow.Ui.ClearMessages();
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

        await store.UpdateAsync(flow with { State = StatePassedChallenge, Active = "password", IdentityId = result.Identity.Id }, cancellationToken);
        var (session, token) = await completion.SignInAsync(context, flow, result.Identity, "password", cancellationToken);
        if (FlowCompletion.AnswersWithRedirect(context, flow))
        {
            return completion.RedirectAfter(flow);
        }

        return TypedResults.Ok(new SuccessfulLoginResponse(session, flow.Type == FlowType.Api ? token : null));
    }

    private async Task<IResult> RerenderAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        var updated = flow with { Active = "password" };
        await store.UpdateAsync(updated, cancellationToken);
        return responder.Rerender(context, updated);
    }
}
