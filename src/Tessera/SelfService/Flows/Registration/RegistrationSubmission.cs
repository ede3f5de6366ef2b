// SPDX-License-Identifier: Apache-2.0
using Tessera.Captcha;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// A registration submission with the password method: the shared checks (CSRF, expiry), the captcha, the required
/// fields, then the identity (<see cref="RegistrationIdentityCreator"/>) and the answer (<see cref="RegistrationOutcome"/>).
/// </summary>
internal sealed class RegistrationSubmission(
    FlowGate gate, IdentitySchemaRegistry schemas, CaptchaGate captcha, RegistrationIdentityCreator creator, RegistrationOutcome outcome, FlowRerenderer rerenderer)
{
    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateRegistrationFlowRequest body, CancellationToken cancellationToken)
    {
        var schema = await schemas.DefaultAsync(cancellationToken);
        var blocked = await gate.CheckAsync(context, flow, body.CsrfToken, UiMessages.ErrorValidationRegistrationFlowExpired,
            replacement => RegistrationNodes.AddPassword(replacement.Ui, schema, body.Traits), cancellationToken);
        if (blocked is not null)
        {
            return blocked;
        }

        // Re-render from scratch so the form keeps what was typed (never the password) and carries only new messages.
        flow.Ui.Nodes.RemoveAll(n => n.Group != "default");
        flow.Ui.ClearMessages();
        RegistrationNodes.AddPassword(flow.Ui, schema, body.Traits);
        if (await captcha.CheckAsync(context, flow, body.CaptchaTurnstileResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (body.Method != "password")
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationRegistrationNoStrategyFound.With());
            return await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (string.IsNullOrEmpty(body.Password))
        {
            flow.Ui.AddMessage(RegistrationNodes.Password, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = "password" }));
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
            return await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        if (!created.Succeeded)
        {
            return created.Error.Descriptor == ErrorCatalog.WebHookRefused
                ? await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken)
                : await outcome.FailedAsync(context, flow, created.Error, cancellationToken);
        }

        return await outcome.CompleteAsync(context, flow, created.Value, cancellationToken);
    }
}
