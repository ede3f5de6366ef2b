// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// Hydra's login requests: started by the authorization endpoint, accepted or rejected once through the admin API
/// (whose answer sends the browser back with a verifier), and continued once when that verifier comes back.
/// </summary>
internal sealed class LoginRequests(AuthorizationFlowStore store, AuthorizationFlowOptions options, TimeProvider clock)
{
    /// <summary>Starts a login request; returns the flow and its challenge (the only time the challenge exists in clear).</summary>
    public async Task<(AuthorizationFlow Flow, string Challenge)> CreateAsync(NewLoginRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var flow = new AuthorizationFlow
        {
            Id = Guid.NewGuid(),
            State = FlowState.LoginInitialized,
            ClientId = request.ClientId,
            RequestUrl = request.RequestUrl,
            RequestedScope = AuthorizationFlow.ToJson(request.RequestedScope),
            RequestedAudience = AuthorizationFlow.ToJson(request.RequestedAudience),
            OidcContext = AuthorizationFlow.ToJson(request.Oidc),
            Subject = request.Subject ?? string.Empty,
            LoginSkip = request.Subject is not null,
            // Hydra: the login session's id when one is reused, otherwise a fresh random value (the ID token's sid).
            LoginSessionId = request.SessionId ?? Guid.NewGuid().ToString(),
            AuthenticatedAt = request.AuthenticatedAt,
            RequestedAt = now,
            ExpiresAt = now + options.RequestLifespan,
        };
        var challenge = FlowSecret.New();
        await store.InsertAsync(flow, FlowSecret.Hash(challenge), cancellationToken);
        return (flow, challenge);
    }

    public async Task<Result<AuthorizationFlow>> FindAsync(string? challenge, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(challenge))
        {
            return FlowErrors.ChallengeMissing(ChallengeKind.Login);
        }

        var flow = FlowSecret.IsPlausible(challenge) ? await store.FindByLoginChallengeAsync(FlowSecret.Hash(challenge), cancellationToken) : null;
        return flow is null ? FlowErrors.NotFound(ChallengeKind.Login) : flow;
    }

    /// <summary>Accepts the login; the answer is where the browser goes next (the authorization URL with the verifier).</summary>
    public async Task<Result<string>> AcceptAsync(string? challenge, AcceptLoginBody body, CancellationToken cancellationToken = default)
    {
        if (!(await FindOpenAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return error;
        }

        if (string.IsNullOrEmpty(body.Subject))
        {
            return FlowErrors.Invalid("Field 'subject' must not be empty.");
        }

        // Hydra: with a live session (skip) the login app may not switch users behind the client's back.
        if (flow.LoginSkip && !string.Equals(flow.Subject, body.Subject, StringComparison.Ordinal))
        {
            return FlowErrors.Invalid("Field 'subject' does not match subject from previous authentication.");
        }

        var now = clock.GetUtcNow();
        flow.State = FlowState.LoginUnused;
        flow.Subject = body.Subject;
        flow.LoginRemember = body.Remember;
        flow.LoginRememberFor = body.RememberFor;
        flow.LoginAcr = body.Acr ?? string.Empty;
        flow.LoginAmr = AuthorizationFlow.ToJson(body.Amr ?? []);
        flow.LoginContext = body.Context?.ToJsonString() ?? "{}";
        flow.IdentityProviderSessionId = body.IdentityProviderSessionId ?? string.Empty;
        flow.AuthenticatedAt = flow.LoginSkip && flow.AuthenticatedAt is not null ? flow.AuthenticatedAt : now;
        flow.LoginHandledAt = now;
        return await HandleAsync(flow, cancellationToken);
    }

    public async Task<Result<string>> RejectAsync(string? challenge, FlowRejection rejection, CancellationToken cancellationToken = default)
    {
        if (!(await FindOpenAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return error;
        }

        flow.State = FlowState.LoginError;
        flow.LoginError = AuthorizationFlow.ToJson(rejection);
        flow.LoginHandledAt = clock.GetUtcNow();
        return await HandleAsync(flow, cancellationToken);
    }

    /// <summary>The flow whose login verifier this is, when it is still waiting to be continued.</summary>
    public async Task<AuthorizationFlow?> FindByVerifierAsync(string? verifier, CancellationToken cancellationToken = default)
    {
        if (!FlowSecret.IsPlausible(verifier))
        {
            return null;
        }

        var flow = await store.FindByLoginVerifierAsync(FlowSecret.Hash(verifier!), cancellationToken);
        return flow is { State: FlowState.LoginUnused or FlowState.LoginError } && flow.ExpiresAt > clock.GetUtcNow() ? flow : null;
    }

    private async Task<Result<AuthorizationFlow>> FindOpenAsync(string? challenge, CancellationToken cancellationToken)
    {
        if (!(await FindAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return error;
        }

        if (flow.WasLoginHandled)
        {
            return FlowErrors.Handled(ChallengeKind.Login);
        }

        return flow.ExpiresAt <= clock.GetUtcNow() ? FlowErrors.Expired(ChallengeKind.Login) : flow;
    }

    private async Task<Result<string>> HandleAsync(AuthorizationFlow flow, CancellationToken cancellationToken)
    {
        var verifier = FlowSecret.New();
        // The conditional update decides between concurrent accepts: the loser is told the request was handled.
        if (!await store.HandleLoginAsync(flow, FlowSecret.Hash(verifier), cancellationToken))
        {
            return FlowErrors.Handled(ChallengeKind.Login);
        }

        return FlowRedirects.WithParameter(flow.RequestUrl, ChallengeKind.Login.VerifierParameter, verifier);
    }
}
