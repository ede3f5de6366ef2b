// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc.Callback;

/// <summary>
/// The callback's first step: the <c>state</c> must name a flow that is waiting for this provider, still open, and
/// started in this browser. Its remembered sign-in is consumed at once (a conditional save, so a replay, even a
/// parallel one, finds nothing) and the state cookie cleared.
/// </summary>
internal sealed class OidcStateValidator(FlowStore flows, OidcStateCookie cookie, TimeProvider clock)
{
    /// <summary>The flow the state names, its remembered sign-in consumed, or why the state is refused.</summary>
    public async Task<Result<(Flow Flow, OidcSignInState Remembered)>> RedeemAsync(
        HttpContext context, OidcProvider provider, string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
        {
            return OidcFailures.StateInvalid("missing");
        }

        var flow = OidcSignInState.FlowIdOf(state) is { } id ? await FindAsync(id, cancellationToken) : null;
        if (flow is null)
        {
            return OidcFailures.StateInvalid("unknown");
        }

        if (FlowFinality.IsFinished(flow) || OidcSignInState.Of(flow) is not { } remembered)
        {
            return OidcFailures.StateInvalid("already used");
        }

        if (!remembered.Matches(state) || remembered.Provider != provider.Id || (flow.Type == FlowType.Browser && !cookie.Holds(context, state)))
        {
            // Don't reveal which part failed: a forged state learns nothing about the flow it names.
            return OidcFailures.StateInvalid("not from this browser's sign-in");
        }

        OidcSignInState.RemoveFrom(flow);
        var saved = await flows.SaveAsync(flow, cancellationToken);
        cookie.Clear(context);
        if (saved.Outcome != FlowSaveOutcome.Saved)
        {
            return OidcFailures.StateInvalid("already used");
        }

        if (flow.IsExpiredAt(clock.GetUtcNow()))
        {
            return ErrorCatalog.OAuthStateExpired.With(new Dictionary<string, object?> { ["expired_at"] = flow.ExpiresAt.ToString("O", CultureInfo.InvariantCulture) })
                with { ExpiredAt = flow.ExpiresAt };
        }

        return (saved.Flow, remembered);
    }

    private async Task<Flow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await flows.FindAsync(id, FlowKind.Login, cancellationToken) ?? await flows.FindAsync(id, FlowKind.Registration, cancellationToken)
        ?? await flows.FindAsync(id, FlowKind.Settings, cancellationToken);
}
