// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.RateLimiting;
using Tessera.Security.Csrf;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Oidc;
using Tessera.SelfService.Methods.Passkey;
using Tessera.SelfService.Methods.Password;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// A login submission: the shared checks (CSRF, expiry), then either the password path (required fields, brute
/// force and captcha, the password) or the second-factor path (issue 7). A proven identity goes on to
/// <see cref="LoginOutcome"/>.
/// </summary>
internal sealed class LoginSubmission(
    FlowGate gate, LoginIdentityPin pin, LoginAttemptGuard guard, PasswordLoginMethod password, SecondFactorLogin secondFactor, LoginOutcome outcome,
    FlowRefusal refusal, LoginFirstFactorForm form, LoginCodeSteps codeSteps, SecondFactorCodeSteps secondFactorCode,
    PasskeyLoginMethod passkey, WebAuthnLoginMethod securityKey, WebAuthnFirstFactorLoginMethod firstFactorKey, OidcAuthorizationStart oidc)
{
    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var identifier = body.Identifier ?? body.PasswordIdentifier;
        var identifierLabel = await password.IdentifierLabelAsync(cancellationToken);
        var method = body.Method ?? (CodeLoginNodes.ImpliesCode(body.Resend, body.Address) ? CodeLoginNodes.Code : null);
        var blocked = await gate.CheckAsync(context, flow, body.CsrfToken, UiMessages.ErrorValidationLoginFlowExpired,
                replacement => AddReplacementForm(replacement, flow, identifier, identifierLabel), cancellationToken,
                replacementState: LoginFlowService.StateChooseMethod)
            ?? await pin.RefuseAsync(context, flow, method == "password" ? identifier : null, cancellationToken);
        if (blocked is not null)
        {
            return blocked;
        }

        flow.Ui.ClearMessages();
        if (OidcAuthorizationStart.Handles(body.Method, body.Provider))
        {
            return await oidc.StartAsync(context, flow, body.Provider, cancellationToken);
        }

        if (securityKey.Handles(flow, body))
        {
            return await securityKey.SubmitAsync(context, flow, body, cancellationToken);
        }

        if (SecondFactorLogin.Handles(flow, method))
        {
            return await CompleteSecondFactorAsync(context, flow, body, cancellationToken);
        }

        if (method == CodeLoginNodes.Code && secondFactorCode.Handles(flow))
        {
            return SecondFactorCodeSteps.Sends(flow, body.Resend, body.Address)
                ? await secondFactorCode.SendAsync(context, flow, body.Address, body.Resend, cancellationToken)
                : await AnswerSecondFactorAsync(context, flow, CodeLoginNodes.Code,
                    await secondFactorCode.CompleteAsync(context, flow, body.Code, cancellationToken), cancellationToken);
        }

        if (method == CodeLoginNodes.Code && form.OffersCode && flow.RequestedAal == AssuranceLevels.Aal1 && !LoginIdentityPin.IsPinned(flow))
        {
            return await codeSteps.SubmitAsync(context, flow, identifier, body.Code, body.Resend, body.CaptchaTurnstileResponse, cancellationToken);
        }

        if (passkey.Handles(flow, body))
        {
            return await passkey.SubmitAsync(context, flow, body, cancellationToken);
        }

        if (firstFactorKey.Handles(flow, body))
        {
            return await firstFactorKey.SubmitAsync(context, flow, body, cancellationToken);
        }

        if (!LoginIdentityPin.IsPinned(flow))
        {
            flow.Ui.SetValue(LoginNodes.Identifier, identifier is null ? null : JsonValue.Create(identifier));
        }

        // The password is a first factor: a step-up (aal2) flow does not take it.
        if (method != "password" || flow.RequestedAal != AssuranceLevels.Aal1 || flow.State != LoginFlowService.StateChooseMethod)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationLoginNoStrategyFound.With());
            return await outcome.RerenderAsync(context, flow, cancellationToken);
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
            return await outcome.RerenderAsync(context, flow, cancellationToken);
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
            return await outcome.RerenderAsync(context, flow, cancellationToken);
        }

        return await outcome.SignInAsync(context, flow, result.Identity, "password", cancellationToken);
    }

    /// <summary>An expired flow's replacement gets the same form: a pinned flow's form (hidden identifier, second factors) as it was.</summary>
    private void AddReplacementForm(Flow replacement, Flow expired, string? identifier, UiText identifierLabel)
    {
        if (!LoginIdentityPin.IsPinned(expired))
        {
            form.Add(replacement, identifier, identifierLabel);
            return;
        }

        replacement.Ui.Nodes.AddRange(expired.Ui.Nodes
            .Where(node => node.Name != CsrfProtection.FieldName)
            .Select(node => node with { Messages = [] }));
    }

    /// <summary>Issue 7: a TOTP or backup code on an aal2 flow raises the current session to aal2.</summary>
    private async Task<IResult> CompleteSecondFactorAsync(HttpContext context, Flow flow, UpdateLoginFlowRequest body, CancellationToken cancellationToken)
    {
        var code = body.Method == SecondFactorLogin.LookupSecret ? body.LookupSecret : body.TotpCode;
        return await AnswerSecondFactorAsync(context, flow, body.Method!, await secondFactor.CompleteAsync(context, body.Method!, code, cancellationToken), cancellationToken);
    }

    private async Task<IResult> AnswerSecondFactorAsync(HttpContext context, Flow flow, string method, SecondFactorResult result, CancellationToken cancellationToken)
    {
        if (result.Throttled is { } throttled)
        {
            return await refusal.RefuseAsync(context, flow, throttled, RateLimitErrors.OnFlow(throttled), cancellationToken);
        }

        if (result.Error is not null)
        {
            return new ErrorResult(result.Error);
        }

        if (result.Raised is not { } raised)
        {
            flow.Ui.AddMessage(result.Field, result.Message!);
            return await outcome.RerenderAsync(context, flow, cancellationToken, method);
        }

        return await outcome.RaisedAsync(context, flow, method, raised.Session, raised.Token, cancellationToken);
    }
}
