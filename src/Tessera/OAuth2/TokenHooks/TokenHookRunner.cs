// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.OAuth2.Tokens;
using Tessera.SelfService.Hooks;

namespace Tessera.OAuth2.TokenHooks;

/// <summary>
/// Calls the configured token hooks before a token is issued, as Hydra does: for the refresh grant
/// <c>oauth2.refresh_token_hook</c> first, then <c>oauth2.token_hook</c> for every grant, each seeing the claims the
/// previous one set. Sending, retries, the private-address guard and the execution log are the flow web hooks'
/// (<see cref="WebHookSender"/>, <see cref="WebHookExecutor.RecordAsync"/>). A failure stops the token request
/// before anything is issued or consumed.
/// </summary>
internal sealed class TokenHookRunner(TokenHookOptions options, WebHookSender sender, WebHookExecutor executions)
{
    public const string RefreshTokenGrant = "refresh_token";

    private static readonly Task<Result<TokenHookClaims>> NoHooks = Task.FromResult(Result<TokenHookClaims>.Success(TokenHookClaims.None));

    public bool Enabled => options.TokenHook is not null || options.RefreshTokenHook is not null;

    /// <summary>
    /// The hooks for a grant about to be issued: the subject is the grant's, or the client for client credentials
    /// (as Hydra); the hooks see the grant's extra claims so far. Apply the answer with <see cref="TokenHookClaims.ApplyTo"/>.
    /// </summary>
    public Task<Result<TokenHookClaims>> RunAsync(string grantType, TokenGrant grant, string issuer, CancellationToken cancellationToken) =>
        !Enabled
            ? NoHooks
            : RunAsync(new TokenHookRequest(grantType, grant.Client.ClientId, grant.Subject ?? grant.Client.ClientId, grant.Scopes, grant.Audience)
            {
                Issuer = issuer,
                AccessTokenClaims = grant.Extra,
                IdTokenClaims = grant.IdTokenClaims,
            }, cancellationToken);

    /// <summary>The claims to add to the tokens (<see cref="TokenHookClaims.None"/> without hooks), or the catalog error to answer with.</summary>
    public async Task<Result<TokenHookClaims>> RunAsync(TokenHookRequest request, CancellationToken cancellationToken)
    {
        var claims = TokenHookClaims.None;
        if (request.GrantType == RefreshTokenGrant && options.RefreshTokenHook is { } refresh)
        {
            var decision = await CallAsync(TokenHookOptions.RefreshTokenHookKey, refresh, request, TokenHookPayload.ForRefreshTokenHook(request).ToJsonString(), cancellationToken);
            if (decision.Outcome.Error is { } error)
            {
                return error;
            }

            claims = claims.Then(decision.Claims);
            request = request.WithClaims(decision.Claims);
        }

        if (options.TokenHook is { } hook)
        {
            var decision = await CallAsync(TokenHookOptions.TokenHookKey, hook, request, TokenHookPayload.ForTokenHook(request).ToJsonString(), cancellationToken);
            if (decision.Outcome.Error is { } error)
            {
                return error;
            }

            claims = claims.Then(decision.Claims);
        }

        return claims;
    }

    private async Task<TokenHookDecision> CallAsync(string point, WebHookConfig hook, TokenHookRequest request, string body, CancellationToken cancellationToken)
    {
        var call = await sender.SendAsync(hook, body, cancellationToken);
        var decision = TokenHookResponseInterpreter.Decide(hook, call);
        await executions.RecordAsync(point, 0, hook, call, decision.Outcome, flowId: null, request.IdentityId);
        return decision;
    }
}
