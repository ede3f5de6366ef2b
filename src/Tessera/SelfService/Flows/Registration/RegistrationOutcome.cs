// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Identities.Admin;
using Tessera.Identities.Schemas;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows.Verification;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// What a registration submission comes to: the form again with its messages (409 for a taken identifier, seed row
/// B3), or for a created identity the verification codes, the session (with the <c>session</c> hook) and the answer.
/// </summary>
internal sealed class RegistrationOutcome(
    FlowRerenderer rerenderer,
    FlowCompletion completion,
    ProjectOptions<RegistrationOptions> options,
    IdentityResponseFactory identityResponses,
    RegistrationVerification verification)
{
    /// <summary>Whether registration is Kratos's legacy one-step form (<c>enable_legacy_one_step</c>).</summary>
    public bool LegacyOneStep => options.Value.LegacyOneStep;

    /// <summary>Whether the credential step offers "Send sign up code" (<c>passwordless_enabled</c>).</summary>
    public bool OffersCode => options.Value.CodeSignUp;

    public async Task<IResult> CompleteAsync(HttpContext context, Flow flow, Identity identity, CancellationToken cancellationToken, string method = "password")
    {
        // Verification (issue 6): e-mail a code to each verifiable address; the waiting flows are offered as continue_with.
        var continueWith = await verification.AfterRegistrationAsync(context, flow, identity, cancellationToken);
        var identityResponse = identityResponses.Public(identity);
        var next = verification.VerificationPage(continueWith) ?? completion.ReturnTarget(flow);
        if (!options.Value.SignsInAfter(method))
        {
            return FlowCompletion.AnswersWithRedirect(context, flow)
                ? new SeeOtherResult(next)
                : TypedResults.Ok(new SuccessfulRegistrationResponse(identityResponse, null, null) { ContinueWith = ContinueWith(flow, continueWith, null, next) });
        }

        var (session, token) = await completion.SignInAsync(context, flow, identity, method, cancellationToken);
        var apiToken = flow.Type == FlowType.Api ? token : null;
        return FlowCompletion.AnswersWithRedirect(context, flow)
            ? new SeeOtherResult(next)
            : TypedResults.Ok(new SuccessfulRegistrationResponse(identityResponse, session, apiToken) { ContinueWith = ContinueWith(flow, continueWith, apiToken, next) });
    }

    /// <summary>
    /// What follows, as Kratos lists it: the verification flows, then for an API flow's session its token, or for a
    /// script on a browser flow (JSON instead of the 303) where the browser goes next.
    /// </summary>
    private static List<object> ContinueWith(Flow flow, IReadOnlyList<object> verification, string? apiToken, Uri next)
    {
        List<object> items = [.. verification];
        if (apiToken is not null)
        {
            items.Add(new ContinueWithSetOrySessionToken(apiToken));
        }

        if (flow.Type == FlowType.Browser)
        {
            items.Add(new ContinueWithRedirectBrowserTo(next.AbsoluteUri));
        }

        return items;
    }

    /// <summary>Validation messages go on their fields; an existing identifier is 409 with 4000007 (seed row B3).</summary>
    public async Task<IResult> FailedAsync(HttpContext context, Flow flow, TesseraError error, CancellationToken cancellationToken)
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

    /// <summary>A submission that another one beat to completing the flow: it is told the flow is finished (4040002).</summary>
    public Task<IResult> AlreadyCompletedAsync(HttpContext context, Flow flow, CancellationToken cancellationToken) =>
        rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);

    public Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken, string active = "password") =>
        rerenderer.SaveAsync(context, flow with { Active = active }, status, cancellationToken);
}
