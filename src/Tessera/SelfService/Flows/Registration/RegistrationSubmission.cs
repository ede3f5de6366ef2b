// SPDX-License-Identifier: Apache-2.0
using Tessera.Captcha;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Methods.Code;
using Tessera.SelfService.Methods.Oidc;
using Tessera.SelfService.Methods.Passkey;
using Tessera.SelfService.Methods.Profile;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// A registration submission: the shared checks (CSRF, expiry), the captcha, then either a step of the two-step form
/// (<see cref="ProfileRegistrationMethod"/>) or the password method: the required fields, the identity
/// (<see cref="RegistrationIdentityCreator"/>) and the answer (<see cref="RegistrationOutcome"/>). The password method
/// accepts traits and password in one request in either mode, as Kratos does (Ory's SDK users send it so).
/// </summary>
internal sealed class RegistrationSubmission(
    FlowGate gate,
    IdentitySchemaRegistry schemas,
    CaptchaGate captcha,
    RegistrationIdentityCreator creator,
    RegistrationOutcome outcome,
    ProfileRegistrationMethod profile,
    PasskeyRegistrationMethod passkey,
    WebAuthnRegistrationMethod securityKey,
    RegistrationCodeSteps codeSteps,
    OidcAuthorizationStart oidc)
{
    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateRegistrationFlowRequest body, CancellationToken cancellationToken)
    {
        var schema = await schemas.DefaultAsync(cancellationToken);
        var blocked = await gate.CheckAsync(context, flow, body.CsrfToken, UiMessages.ErrorValidationRegistrationFlowExpired,
            replacement =>
            {
                RegistrationNodes.AddFirst(replacement.Ui, schema, body.Traits, outcome.LegacyOneStep, outcome.OffersCode);
                // The provider buttons the expired flow offered (RegistrationNodes.Clear keeps them), without old messages.
                replacement.Ui.Nodes.AddRange(flow.Ui.Nodes.Where(n => n.Group == OidcNodes.Group).Select(n => n with { Messages = [] }));
            }, cancellationToken,
            replacementState: RegistrationFlowService.StateChooseMethod);
        if (blocked is not null)
        {
            return blocked;
        }

        if (OidcAuthorizationStart.Handles(body.Method, body.Provider))
        {
            return await oidc.StartAsync(context, flow, body.Provider, cancellationToken);
        }

        // Re-render from scratch so the form keeps what was typed (never the password) and carries only new messages.
        RegistrationNodes.Clear(flow.Ui);
        flow.Ui.ClearMessages();
        var traitMessages = outcome.LegacyOneStep ? [] : TraitsValidator.Validate(schema, body.Traits ?? []);
        AddForm(flow, schema, body, traitMessages.Count > 0);
        if (await captcha.CheckAsync(context, flow, body.CaptchaTurnstileResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (outcome.OffersCode && (body.Method ?? (CodeLoginNodes.ImpliesCode(body.Resend, address: null) ? CodeLoginNodes.Code : null)) == CodeLoginNodes.Code)
        {
            return await codeSteps.SubmitAsync(context, flow, schema, body, cancellationToken);
        }

        if (!outcome.LegacyOneStep && ProfileRegistrationMethod.Handles(body))
        {
            return await profile.SubmitAsync(context, flow, schema, body, cancellationToken);
        }

        if (passkey.Handles(flow, body))
        {
            return await passkey.SubmitAsync(context, flow, schema, body, cancellationToken);
        }

        if (securityKey.Handles(flow, body))
        {
            return await securityKey.SubmitAsync(context, flow, schema, body, cancellationToken);
        }

        if (body.Method != "password")
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationRegistrationNoStrategyFound.With());
            return await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        // Two steps: traits the first step would refuse are shown there, with their messages, whatever the step sent.
        if (traitMessages.Count > 0 || string.IsNullOrEmpty(body.Password))
        {
            if (traitMessages.Count == 0)
            {
                flow.Ui.AddMessage(RegistrationNodes.Password, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = "password" }));
            }

            foreach (var message in TraitsValidator.Validate(schema, body.Traits ?? []))
            {
                flow.Ui.AddMessage(message.Name, message.Message);
            }

            return await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        // Single use: the identity is created only together with the flow's claim; a submission that another one beat
        // to it is told the flow is finished (4040002), and nothing of it is stored.
        var created = await creator.CreateAsync(context, flow, new IdentityDraft(schema.Id, body.Traits ?? [], Password: body.Password), cancellationToken);
        if (created is null)
        {
            return await outcome.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        if (!created.Succeeded)
        {
            return created.Error.Descriptor == ErrorCatalog.WebHookRefused
                ? await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken)
                : await outcome.FailedAsync(context, flow, created.Error, cancellationToken);
        }

        return await outcome.CompleteAsync(context, flow, created.Value, cancellationToken);
    }

    /// <summary>
    /// The form a password submission is answered with: the one-step form, or with two steps the credential step (the
    /// traits were accepted) or the traits step (they were not, so their messages land on visible fields).
    /// </summary>
    private void AddForm(Flow flow, IdentitySchema schema, UpdateRegistrationFlowRequest body, bool traitsRefused)
    {
        if (outcome.LegacyOneStep)
        {
            RegistrationNodes.AddOneStep(flow.Ui, schema, body.Traits, outcome.OffersCode);
        }
        else if (traitsRefused)
        {
            RegistrationNodes.AddProfileStep(flow.Ui, schema, body.Traits);
        }
        else
        {
            RegistrationNodes.AddCredentialStep(flow.Ui, schema, body.Traits, outcome.OffersCode);
            passkey.AddChoice(flow);
            securityKey.AddChoice(flow, schema, body.Traits, fresh: false);
        }
    }
}
