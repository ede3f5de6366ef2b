// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.RateLimiting;
using Tessera.SelfService.Methods.Code;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// Signing up with a code (<c>passwordless_enabled</c>), no password: the traits -&gt; a code to their address
/// (<c>sent_email</c>, 1040005) -&gt; the identity created with that address verified, signed in with the <c>session</c>
/// hook. The identity is made from the traits the code was sent for (kept in the flow), never from the second request,
/// so a code proves the address the identity gets. Wrong or used codes: 4040003; sending is limited per address,
/// guessing per flow, as for sign-in.
/// </summary>
internal sealed class RegistrationCodeSteps(
    CodeRegistrationMethod code, CodeSendGuard guard, RegistrationIdentityCreator creator, RegistrationOutcome outcome, FlowRerenderer rerenderer)
{
    public const string StateSentEmail = "sent_email";
    private const string Method = "code";
    private const string TraitsKey = "code_traits";

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, IdentitySchema schema, UpdateRegistrationFlowRequest body, CancellationToken cancellationToken)
    {
        var sentFor = flow.InternalContext[TraitsKey] as JsonObject;
        if (flow.State != StateSentEmail || sentFor is null)
        {
            return await SendAsync(context, flow, schema, body.Traits ?? [], body.CaptchaTurnstileResponse, cancellationToken);
        }

        RegistrationNodes.Clear(flow.Ui);
        if (body.Resend == CodeLoginNodes.Code)
        {
            return await SendAsync(context, flow, schema, (JsonObject)sentFor.DeepClone(), body.CaptchaTurnstileResponse, cancellationToken);
        }

        RegistrationNodes.AddCodeStep(flow.Ui, schema, sentFor);
        if (string.IsNullOrWhiteSpace(body.Code))
        {
            flow.Ui.AddMessage(CodeLoginNodes.Code, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = CodeLoginNodes.Code }));
            return await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken, Method);
        }

        var check = await code.VerifyAsync(flow, body.Code, cancellationToken);
        if (check.Passed is not { } proven)
        {
            return await WrongCodeAsync(context, flow, schema, check.Exhausted, cancellationToken);
        }

        var channel = CodeRegistrationMethod.AddressOf(schema, sentFor)?.Channel ?? CodeCourier.Email;
        var verified = new VerifiableAddress { Via = channel, Value = proven.Address, Verified = true, Status = VerifiableAddress.StatusCompleted };
        var draft = new IdentityDraft(schema.Id, (JsonObject)sentFor.DeepClone(), VerifiableAddresses: [verified]);
        var created = await creator.CreateAsync(context, flow, draft, cancellationToken, Method);
        if (created is null)
        {
            return await outcome.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        if (!created.Succeeded)
        {
            return created.Error.Descriptor == ErrorCatalog.WebHookRefused
                ? await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken, Method)
                : await outcome.FailedAsync(context, flow, created.Error, cancellationToken);
        }

        return await outcome.CompleteAsync(context, flow, created.Value, cancellationToken, Method);
    }

    private async Task<IResult> SendAsync(HttpContext context, Flow flow, IdentitySchema schema, JsonObject traits, string? captchaResponse, CancellationToken cancellationToken)
    {
        var messages = TraitsValidator.Validate(schema, traits);
        var to = CodeRegistrationMethod.AddressOf(schema, traits);
        if (messages.Count > 0 || to is null)
        {
            RegistrationNodes.Clear(flow.Ui);
            RegistrationNodes.AddFirst(flow.Ui, schema, traits, outcome.LegacyOneStep, outcome.OffersCode);
            foreach (var message in messages)
            {
                flow.Ui.AddMessage(message.Name, message.Message);
            }

            if (to is null && messages.Count == 0)
            {
                flow.Ui.AddMessage(null, UiMessages.ErrorValidationRegistrationNoStrategyFound.With());
            }

            return await outcome.RerenderAsync(context, flow with { State = RegistrationFlowService.StateChooseMethod }, StatusCodes.Status400BadRequest, cancellationToken, Method);
        }

        if (await guard.BeforeSendingAsync(context, flow, to.Value.Address, captchaResponse, cancellationToken) is { } refused)
        {
            return refused;
        }

        await code.SendAsync(flow, to.Value, cancellationToken);
        RegistrationNodes.Clear(flow.Ui);
        RegistrationNodes.AddCodeStep(flow.Ui, schema, traits);
        flow.InternalContext[TraitsKey] = traits.DeepClone();
        flow.Ui.AddMessage(null, UiMessages.InfoSelfServiceRegistrationEmailWithCodeSent.With());
        return await outcome.RerenderAsync(context, flow with { State = StateSentEmail }, StatusCodes.Status400BadRequest, cancellationToken, Method);
    }

    /// <summary>4040003 on the flow; once its guesses are used up, the flow is replaced by one at the first step.</summary>
    private async Task<IResult> WrongCodeAsync(HttpContext context, Flow flow, IdentitySchema schema, bool exhausted, CancellationToken cancellationToken)
    {
        if (exhausted)
        {
            return await rerenderer.ReplaceAsync(context, flow, RegistrationFlowService.StateChooseMethod, replacement =>
            {
                RegistrationNodes.AddFirst(replacement.Ui, schema, traits: null, outcome.LegacyOneStep, outcome.OffersCode);
                replacement.Ui.AddMessage(null, UiMessages.ErrorValidationRegistrationCodeInvalidOrAlreadyUsed.With());
            }, cancellationToken);
        }

        flow.Ui.AddMessage(null, UiMessages.ErrorValidationRegistrationCodeInvalidOrAlreadyUsed.With());
        return await outcome.RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken, Method);
    }
}
