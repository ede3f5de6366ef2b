// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Captcha;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Identities.Admin;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows.Verification;
using Tessera.SelfService.Hooks;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// The registration journey with the password method: the form comes from the identity schema, the identity is
/// created by the one <see cref="IdentityManager"/> (schema validation, password policy, unique identifiers), and
/// with the <c>session</c> hook the new identity is signed in.
/// </summary>
internal sealed class RegistrationFlowService(
    FlowFactory factory,
    FlowStore store,
    FlowResponder responder,
    FlowCompletion completion,
    FlowGate gate,
    IdentityManager identities,
    IdentitySchemaRegistry schemas,
    RegistrationOptions options,
    IdentityResponseFactory identityResponses,
    SelfServiceOptions selfService,
    RegistrationVerification verification,
    FlowHooks hooks,
    CaptchaGate captcha)
{
    public const string StateChooseMethod = "choose_method";
    public const string StatePassedChallenge = "passed_challenge";

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, Uri? returnTo, CancellationToken cancellationToken)
    {
        if (!selfService.For(FlowKind.Registration).Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        if (await completion.CurrentSessionAsync(context, cancellationToken) is not null)
        {
            return type == FlowType.Browser && !FlowClient.WantsJson(context.Request)
                ? new SeeOtherResult(returnTo ?? completion.DefaultReturnUrl)
                : new ErrorResult(ErrorCatalog.SessionAlreadyAvailable);
        }

        var flow = factory.Create(context, FlowKind.Registration, type, returnTo, StateChooseMethod);
        RegistrationNodes.AddPassword(flow.Ui, await schemas.DefaultAsync(cancellationToken), traits: null);
        await captcha.AddNodeIfRequiredAsync(context, flow, cancellationToken);
        if (await hooks.BeforeAsync(context, flow, cancellationToken) is { } refused)
        {
            return new ErrorResult(refused);
        }

        await store.InsertAsync(flow, cancellationToken);
        return responder.Created(context, flow);
    }

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
            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (string.IsNullOrEmpty(body.Password))
        {
            flow.Ui.AddMessage(RegistrationNodes.Password, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = "password" }));
            foreach (var message in TraitsValidator.Validate(schema, body.Traits ?? []))
            {
                flow.Ui.AddMessage(message.Name, message.Message);
            }

            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var created = await CreateIdentityAsync(context, flow, new IdentityDraft(schema.Id, body.Traits ?? [], Password: body.Password), cancellationToken);
        if (!created.Succeeded)
        {
            return created.Error.Descriptor == ErrorCatalog.WebHookRefused
                ? await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken)
                : await FailedAsync(context, flow, created.Error, cancellationToken);
        }

        await store.UpdateAsync(flow with { State = StatePassedChallenge, Active = "password", IdentityId = created.Value.Id }, cancellationToken);
        return await CompleteAsync(context, flow, created.Value, cancellationToken);
    }

    // Hook points (issue 8): the draft is validated, the after-hooks that can interrupt run on it (a refusal leaves
    // no identity behind), it is stored, then the other after-hooks run. A refusal's messages are put on the flow.
    private async Task<IdentityResult> CreateIdentityAsync(HttpContext context, Flow flow, IdentityDraft draft, CancellationToken cancellationToken)
    {
        var (prePersist, postPersist) = hooks.After(FlowKind.Registration, "password").SplitForPersist();
        var prepared = await identities.PrepareNewAsync(draft, cancellationToken);
        if (!prepared.Succeeded)
        {
            return prepared;
        }

        var hooked = await hooks.RunAsync(prePersist, context, flow, prepared.Value, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Error!;
        }

        if (hooked.IdentityChanged && !(prepared = await identities.ReviseAsync(prepared.Value, cancellationToken)).Succeeded)
        {
            return prepared;
        }

        var created = await identities.InsertPreparedAsync(prepared.Value, cancellationToken);
        if (created.Succeeded)
        {
            await hooks.RunAsync(postPersist, context, flow with { IdentityId = created.Value.Id }, created.Value, cancellationToken);
        }

        return created;
    }

    private async Task<IResult> CompleteAsync(HttpContext context, Flow flow, Identity identity, CancellationToken cancellationToken)
    {
        // Verification (issue 6): e-mail a code to each verifiable address; the waiting flows are offered as continue_with.
        var continueWith = await verification.AfterRegistrationAsync(context, flow, identity, cancellationToken);
        var identityResponse = identityResponses.Public(identity);
        var verificationPage = RegistrationVerification.VerificationPage(hooks.After(FlowKind.Registration, "password"), continueWith);
        if (!options.SignInAfterRegistration)
        {
            return FlowCompletion.AnswersWithRedirect(context, flow)
                ? RedirectAfter(flow, verificationPage)
                : TypedResults.Ok(new SuccessfulRegistrationResponse(identityResponse, null, null) { ContinueWith = continueWith });
        }

        var (session, token) = await completion.SignInAsync(context, flow, identity, "password", cancellationToken);
        return FlowCompletion.AnswersWithRedirect(context, flow)
            ? RedirectAfter(flow, verificationPage)
            : TypedResults.Ok(new SuccessfulRegistrationResponse(identityResponse, session, flow.Type == FlowType.Api ? token : null) { ContinueWith = continueWith });
    }

    private IResult RedirectAfter(Flow flow, Uri? verificationPage) =>
        verificationPage is null ? completion.RedirectAfter(flow) : new SeeOtherResult(verificationPage);

    /// <summary>Validation messages go on their fields; an existing identifier is 409 with 4000007 (seed row B3).</summary>
    private async Task<IResult> FailedAsync(HttpContext context, Flow flow, TesseraError error, CancellationToken cancellationToken)
    {
        if (error.Descriptor == ErrorCatalog.IdentityConflict)
        {
            // The registering person learns only that the identifier is taken, which registration cannot hide.
            flow.Ui.AddMessage(null, UiMessages.ValidationDuplicateCredentials.With());
            return await RerenderAsync(context, flow, StatusCodes.Status409Conflict, cancellationToken);
        }

        if (error.Details?.GetValueOrDefault("messages") is IReadOnlyList<TraitMessageGroups> groups)
        {
            foreach (var group in groups)
            {
                foreach (var message in group.Messages)
                {
                    flow.Ui.AddMessage(group.Name, message);
                }
            }

            return await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        return new ErrorResult(error);
    }

    private async Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken)
    {
        var updated = flow with { Active = "password" };
        await store.UpdateAsync(updated, cancellationToken);
        return responder.Rerender(context, updated, status);
    }
}
