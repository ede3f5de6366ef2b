// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities.Schemas;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Registration;
using Tessera.SelfService.Methods.Passkey;
using Tessera.SelfService.Methods.WebAuthn;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Profile;

/// <summary>
/// Kratos 1.3's first registration step (its <c>profile</c> strategy): <c>method=profile</c> validates the traits and
/// moves the flow to the credential step (1040009); <c>screen=previous</c> goes back to the traits. Nothing is stored
/// but the flow. As in Kratos, scripts get the flow with 400 (it is not finished) and HTML browsers a 303 to its UI.
/// </summary>
internal sealed class ProfileRegistrationMethod(
    FlowRerenderer rerenderer, PasskeyRegistrationMethod passkey, WebAuthnRegistrationMethod securityKey, ProjectOptions<RegistrationOptions> options)
{
    /// <summary>Whether this submission is a step of the two-step form rather than a credential.</summary>
    public static bool Handles(UpdateRegistrationFlowRequest body) =>
        body.Method == RegistrationNodes.ProfileMethod || !string.IsNullOrEmpty(body.Screen);

    public Task<IResult> SubmitAsync(HttpContext context, Flow flow, IdentitySchema schema, UpdateRegistrationFlowRequest body, CancellationToken cancellationToken)
    {
        var traits = body.Traits ?? [];
        RegistrationNodes.Clear(flow.Ui);
        if (body.Screen == RegistrationNodes.PreviousScreen)
        {
            RegistrationNodes.AddProfileStep(flow.Ui, schema, traits);
            return SaveAsync(context, flow, cancellationToken);
        }

        var messages = TraitsValidator.Validate(schema, traits);
        if (messages.Count > 0)
        {
            RegistrationNodes.AddProfileStep(flow.Ui, schema, traits);
            foreach (var message in messages)
            {
                flow.Ui.AddMessage(message.Name, message.Message);
            }

            return SaveAsync(context, flow, cancellationToken);
        }

        RegistrationNodes.AddCredentialStep(flow.Ui, schema, traits, options.Value.CodeSignUp);
        passkey.AddChoice(flow);
        securityKey.AddChoice(flow, schema, traits, fresh: true);
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceRegistrationChooseCredentials.With());
        return SaveAsync(context, flow, cancellationToken);
    }

    private Task<IResult> SaveAsync(HttpContext context, Flow flow, CancellationToken cancellationToken) =>
        rerenderer.SaveAsync(context, flow with { Active = null, State = RegistrationFlowService.StateChooseMethod }, StatusCodes.Status400BadRequest, cancellationToken);
}
