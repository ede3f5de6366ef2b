// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.OAuth2.Authorization.Consent;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// Hydra's consent requests: started when a login verifier is redeemed, accepted or rejected once through the admin
/// API, and finished once when the consent verifier comes back (then a remembered grant is stored).
/// </summary>
internal sealed class ConsentRequests(AuthorizationFlowStore store, ConsentGrantStore grants, TimeProvider clock)
{
    /// <summary>
    /// Continues a flow whose login was accepted: it now waits for consent. <paramref name="skip"/> when the client
    /// needs no consent; a remembered grant covering the request also sets it. Null when another redemption won.
    /// </summary>
    public async Task<(AuthorizationFlow Flow, string Challenge)?> StartAsync(AuthorizationFlow flow, bool skip, CancellationToken cancellationToken = default)
    {
        var remembered = await grants.FindCoveringAsync(
            flow.Subject, flow.ClientId, flow.RequestedScopes, flow.RequestedAudiences, clock.GetUtcNow(), cancellationToken);
        flow.ConsentSkip = skip || remembered is not null;
        var challenge = FlowSecret.New();
        if (!await store.StartConsentAsync(flow, FlowSecret.Hash(challenge), cancellationToken))
        {
            return null;
        }

        flow.State = FlowState.ConsentInitialized;
        return (flow, challenge);
    }

    public async Task<Result<AuthorizationFlow>> FindAsync(string? challenge, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(challenge))
        {
            return FlowErrors.ChallengeMissing(ChallengeKind.Consent);
        }

        var flow = FlowSecret.IsPlausible(challenge) ? await store.FindByConsentChallengeAsync(FlowSecret.Hash(challenge), cancellationToken) : null;
        return flow is null ? FlowErrors.NotFound(ChallengeKind.Consent) : flow;
    }

    public async Task<Result<string>> AcceptAsync(string? challenge, AcceptConsentBody body, CancellationToken cancellationToken = default)
    {
        if (!(await FindOpenAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return error;
        }

        flow.State = FlowState.ConsentUnused;
        flow.GrantScope = AuthorizationFlow.ToJson(body.GrantScope ?? []);
        flow.GrantAudience = AuthorizationFlow.ToJson(body.GrantAccessTokenAudience ?? []);
        flow.ConsentRemember = body.Remember;
        flow.ConsentRememberFor = Math.Max(0, body.RememberFor);
        flow.ConsentSession = body.Session?.ToJsonString() ?? "{}";
        flow.ConsentContext = body.Context?.ToJsonString() ?? "{}";
        flow.ConsentHandledAt = clock.GetUtcNow();
        return await HandleAsync(flow, cancellationToken);
    }

    public async Task<Result<string>> RejectAsync(string? challenge, FlowRejection rejection, CancellationToken cancellationToken = default)
    {
        if (!(await FindOpenAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return error;
        }

        flow.State = FlowState.ConsentError;
        flow.ConsentError = AuthorizationFlow.ToJson(rejection);
        flow.ConsentHandledAt = clock.GetUtcNow();
        return await HandleAsync(flow, cancellationToken);
    }

    /// <summary>
    /// Redeems a consent verifier, once: the flow (accepted or rejected) whose outcome the caller now delivers to the
    /// client, or null when the verifier is unknown, expired or was redeemed already.
    /// </summary>
    public async Task<AuthorizationFlow?> RedeemAsync(string? verifier, CancellationToken cancellationToken = default)
    {
        if (!FlowSecret.IsPlausible(verifier))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var flow = await store.FindByConsentVerifierAsync(FlowSecret.Hash(verifier!), cancellationToken);
        if (flow is not { State: FlowState.ConsentUnused or FlowState.ConsentError } || flow.ExpiresAt <= now
            || !await store.SpendAsync(flow.Id, flow.State, cancellationToken))
        {
            return null;
        }

        if (flow is { State: FlowState.ConsentUnused, ConsentRemember: true })
        {
            await grants.InsertAsync(new ConsentGrant
            {
                Id = Guid.NewGuid(),
                FlowId = flow.Id,
                Subject = flow.Subject,
                ClientId = flow.ClientId,
                LoginSessionId = flow.LoginSessionId,
                GrantScope = flow.GrantScope,
                GrantAudience = flow.GrantAudience,
                ConsentSession = flow.ConsentSession,
                ConsentContext = flow.ConsentContext,
                RememberFor = flow.ConsentRememberFor,
                GrantedAt = now,
                ExpiresAt = flow.ConsentRememberFor > 0 ? now.AddSeconds(flow.ConsentRememberFor) : null,
            }, cancellationToken);
        }

        return flow;
    }

    private async Task<Result<AuthorizationFlow>> FindOpenAsync(string? challenge, CancellationToken cancellationToken)
    {
        if (!(await FindAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return error;
        }

        if (flow.State != FlowState.ConsentInitialized)
        {
            return FlowErrors.Handled(ChallengeKind.Consent);
        }

        return flow.ExpiresAt <= clock.GetUtcNow() ? FlowErrors.Expired(ChallengeKind.Consent) : flow;
    }

    private async Task<Result<string>> HandleAsync(AuthorizationFlow flow, CancellationToken cancellationToken)
    {
        var verifier = FlowSecret.New();
        if (!await store.HandleConsentAsync(flow, FlowSecret.Hash(verifier), cancellationToken))
        {
            return FlowErrors.Handled(ChallengeKind.Consent);
        }

        return FlowRedirects.WithParameter(flow.RequestUrl, ChallengeKind.Consent.VerifierParameter, verifier);
    }
}
