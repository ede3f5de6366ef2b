// SPDX-License-Identifier: Apache-2.0
using Tessera.Sessions;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// Runs a chain in order and stops at the first outcome that stops the flow. <c>session</c> is the flow's own
/// completion step (the flow asks <see cref="HookChain.Has"/>); <c>revoke_active_sessions</c> runs after the new
/// session exists (<see cref="AfterSignInAsync"/>); <c>require_verified_address</c> and <c>show_verification_ui</c>
/// belong to the verification slice.
/// </summary>
internal sealed class HookRunner(WebHookExecutor webHooks, SessionStore sessions)
{
    public async Task<HookChainResult> RunAsync(HookChain chain, HookContext context, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var hook in chain.Hooks.Where(h => h.Name == HookNames.WebHook))
        {
            var outcome = await webHooks.ExecuteAsync(context, chain, hook, cancellationToken);
            if (outcome.StopsFlow)
            {
                return new HookChainResult(outcome, changed);
            }

            if (outcome.Patch is not null && context.Identity is not null)
            {
                outcome.Patch.ApplyTo(context.Identity);
                changed = true;
            }
        }

        return new HookChainResult(null, changed);
    }

    /// <summary>Login's <c>revoke_active_sessions</c>: every other session of the identity ends (Kratos's session revoker).</summary>
    public async Task AfterSignInAsync(HookChain chain, Guid identityId, Guid sessionId, CancellationToken cancellationToken)
    {
        if (chain.Has(HookNames.RevokeActiveSessions))
        {
            await sessions.RevokeAllForIdentityAsync(identityId, keep: sessionId, cancellationToken);
        }
    }
}
