// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Errors;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// Hydra's logout requests: started by <c>/oauth2/sessions/logout</c> when an operator's logout app is configured,
/// accepted (the answer sends the browser back with a verifier that ends the sessions) or rejected (nothing ends).
/// </summary>
internal sealed class LogoutRequests(LogoutRequestStore store, AuthorizationFlowOptions options, TimeProvider clock)
{
    public async Task<(LogoutRequest Request, string Challenge)> CreateAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        request.Id = Guid.NewGuid();
        request.State = LogoutState.Initialized;
        request.RequestedAt = now;
        request.ExpiresAt = now + options.RequestLifespan;
        var challenge = FlowSecret.New();
        await store.InsertAsync(request, FlowSecret.Hash(challenge), cancellationToken);
        return (request, challenge);
    }

    public async Task<Result<LogoutRequest>> FindAsync(string? challenge, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(challenge))
        {
            return FlowErrors.ChallengeMissing(ChallengeKind.Logout);
        }

        var request = FlowSecret.IsPlausible(challenge) ? await store.FindByChallengeAsync(FlowSecret.Hash(challenge), cancellationToken) : null;
        return request is null ? FlowErrors.NotFound(ChallengeKind.Logout) : request;
    }

    /// <summary>Accepts the logout; the answer is the logout endpoint with the verifier that finishes it.</summary>
    public async Task<Result<string>> AcceptAsync(string? challenge, CancellationToken cancellationToken = default)
    {
        if (!(await FindOpenAsync(challenge, cancellationToken)).TryGetValue(out var request, out var error))
        {
            return error;
        }

        var verifier = FlowSecret.New();
        if (!await store.AcceptAsync(request.Id, FlowSecret.Hash(verifier), cancellationToken))
        {
            return FlowErrors.Handled(ChallengeKind.Logout);
        }

        var endpoint = new Uri(request.RequestUrl).GetLeftPart(UriPartial.Path);
        return QueryHelpers.AddQueryString(endpoint, ChallengeKind.Logout.VerifierParameter, verifier);
    }

    public async Task<Result<LogoutRequest>> RejectAsync(string? challenge, CancellationToken cancellationToken = default)
    {
        if (!(await FindOpenAsync(challenge, cancellationToken)).TryGetValue(out var request, out var error))
        {
            return error;
        }

        return await store.RejectAsync(request.Id, cancellationToken) ? request : FlowErrors.Handled(ChallengeKind.Logout);
    }

    /// <summary>Redeems a logout verifier once: the request to finish, or null (unknown, expired, used).</summary>
    public async Task<LogoutRequest?> RedeemAsync(string? verifier, CancellationToken cancellationToken = default)
    {
        if (!FlowSecret.IsPlausible(verifier))
        {
            return null;
        }

        var request = await store.FindByVerifierAsync(FlowSecret.Hash(verifier!), cancellationToken);
        return request is { State: LogoutState.Accepted } && request.ExpiresAt > clock.GetUtcNow()
            && await store.UseAsync(request.Id, cancellationToken)
            ? request
            : null;
    }

    private async Task<Result<LogoutRequest>> FindOpenAsync(string? challenge, CancellationToken cancellationToken)
    {
        if (!(await FindAsync(challenge, cancellationToken)).TryGetValue(out var request, out var error))
        {
            return error;
        }

        if (request.State != LogoutState.Initialized)
        {
            return FlowErrors.Handled(ChallengeKind.Logout);
        }

        return request.ExpiresAt <= clock.GetUtcNow() ? FlowErrors.Expired(ChallengeKind.Logout) : request;
    }
}
