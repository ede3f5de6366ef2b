// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;
using Tessera.SelfService.Flows.Verification;
using Tessera.SelfService.Methods.Oidc.Linking;
using Tessera.SelfService.Hooks;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// What a login submission comes to: the form again with its messages, or, for a proven identity, what runs after
/// it (the verified-address requirement, the after-hooks, the session, <c>revoke_active_sessions</c>) and the answer.
/// </summary>
internal sealed class LoginOutcome(
    FlowStore store, FlowRerenderer rerenderer, FlowCompletion completion, RequireVerifiedAddressHook requireVerifiedAddress, FlowHooks hooks,
    OidcLoginLink oidcLink)
{
    public async Task<IResult> SignInAsync(HttpContext context, Flow flow, Identity identity, string method, CancellationToken cancellationToken)
    {
        // A re-authentication proves the identity the flow belongs to, or nothing (LoginIdentityPin).
        if (LoginIdentityPin.Mismatch(flow, identity) is { } mismatch)
        {
            return new ErrorResult(mismatch);
        }

        // Verification (issue 6): the require_verified_address hook keeps unverified identities out (4000010).
        if (requireVerifiedAddress.Refusal(identity) is { } unverified)
        {
            flow.Ui.AddMessage(null, unverified);
            return await RerenderAsync(context, flow, cancellationToken, method);
        }

        // Hook point (issue 8): the after-hooks run before the session exists, so an interrupting hook stops the login.
        // Those up to the last that can interrupt run before the claim (they decide whether the flow may finish); the
        // rest after it, so a raced flow calls them once, for the one submission that finishes it.
        var afterHooks = hooks.After(FlowKind.Login, method);
        var (decide, notify) = afterHooks.SplitForPersist();
        var hooked = await hooks.RunAsync(decide, context, flow, identity, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null ? new ErrorResult(stop.Error!) : await RerenderAsync(context, flow, cancellationToken, method);
        }

        // Single use: the session is issued only by the one submission that moves the flow to its final state; every
        // other (concurrent or later, whoever's credentials it carries) is told the flow is finished and gets none.
        if (!await store.ClaimAsync(flow with { State = LoginFlowService.StatePassedChallenge, Active = method, IdentityId = identity.Id }, cancellationToken))
        {
            return await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        // Social sign-in's "sign in and link" (issue 19): the flow that proved the account links the provider account it carries.
        await oidcLink.LinkAsync(flow, identity, cancellationToken);
        await hooks.RunAsync(notify, context, flow, identity, cancellationToken);
        var (session, token) = await completion.SignInAsync(context, flow, identity, method, cancellationToken);
        await hooks.AfterSignInAsync(afterHooks, identity.Id, session.Id, cancellationToken);
        return Answer(context, flow, session, token);
    }

    /// <summary>
    /// A second factor raised the current session to aal2. The flow is claimed after the raise: raising the one session
    /// again is idempotent (the factor itself is single-use in its method), so a submission that loses the claim only
    /// changes its answer to "already completed"; no second session can come from an aal2 flow.
    /// </summary>
    public async Task<IResult> RaisedAsync(HttpContext context, Flow flow, string method, SessionResponse session, string token, CancellationToken cancellationToken)
    {
        if (!await store.ClaimAsync(flow with { State = LoginFlowService.StatePassedChallenge, Active = method }, cancellationToken))
        {
            return await rerenderer.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        return Answer(context, flow, session, token);
    }

    public Task<IResult> RerenderAsync(HttpContext context, Flow flow, CancellationToken cancellationToken, string active = "password") =>
        rerenderer.SaveAsync(context, flow with { Active = active }, StatusCodes.Status400BadRequest, cancellationToken);

    private IResult Answer(HttpContext context, Flow flow, SessionResponse session, string token) =>
        FlowCompletion.AnswersWithRedirect(context, flow)
            ? completion.RedirectAfter(flow)
            : TypedResults.Ok(new SuccessfulLoginResponse(session, flow.Type == FlowType.Api ? token : null)
            {
                // A script on a browser flow gets JSON instead of the 303: it is told where the browser goes next.
                ContinueWith = flow.Type == FlowType.Browser ? [new ContinueWithRedirectBrowserTo(completion.ReturnTarget(flow).AbsoluteUri)] : null,
            });
}
