// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;
using Tessera.SelfService.Flows.Verification;
using Tessera.SelfService.Hooks;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// What a login submission comes to: the form again with its messages, or, for a proven identity, what runs after
/// it (the verified-address requirement, the after-hooks, the session, <c>revoke_active_sessions</c>) and the answer.
/// </summary>
internal sealed class LoginOutcome(
    FlowStore store, FlowResponder responder, FlowCompletion completion, RequireVerifiedAddressHook requireVerifiedAddress, FlowHooks hooks)
{
    public async Task<IResult> SignInAsync(HttpContext context, Flow flow, Identity identity, string method, CancellationToken cancellationToken)
    {
        // Verification (issue 6): the require_verified_address hook keeps unverified identities out (4000010).
        if (requireVerifiedAddress.Refusal(identity) is { } unverified)
        {
            flow.Ui.AddMessage(null, unverified);
            return await RerenderAsync(context, flow, cancellationToken, method);
        }

        // Hook point (issue 8): the after-hooks run before the session exists, so an interrupting hook stops the login.
        var afterHooks = hooks.After(FlowKind.Login, method);
        var hooked = await hooks.RunAsync(afterHooks, context, flow, identity, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null ? new ErrorResult(stop.Error!) : await RerenderAsync(context, flow, cancellationToken, method);
        }

        await store.UpdateAsync(flow with { State = LoginFlowService.StatePassedChallenge, Active = method, IdentityId = identity.Id }, cancellationToken);
        var (session, token) = await completion.SignInAsync(context, flow, identity, method, cancellationToken);
        await hooks.AfterSignInAsync(afterHooks, identity.Id, session.Id, cancellationToken);
        return Answer(context, flow, session, token);
    }

    /// <summary>A second factor raised the current session to aal2.</summary>
    public async Task<IResult> RaisedAsync(HttpContext context, Flow flow, string method, SessionResponse session, string token, CancellationToken cancellationToken)
    {
        await store.UpdateAsync(flow with { State = LoginFlowService.StatePassedChallenge, Active = method }, cancellationToken);
        return Answer(context, flow, session, token);
    }

    public async Task<IResult> RerenderAsync(HttpContext context, Flow flow, CancellationToken cancellationToken, string active = "password")
    {
        var updated = flow with { Active = active };
        await store.UpdateAsync(updated, cancellationToken);
        return responder.Rerender(context, updated);
    }

    private IResult Answer(HttpContext context, Flow flow, SessionResponse session, string token) =>
        FlowCompletion.AnswersWithRedirect(context, flow)
            ? completion.RedirectAfter(flow)
            : TypedResults.Ok(new SuccessfulLoginResponse(session, flow.Type == FlowType.Api ? token : null));
}
