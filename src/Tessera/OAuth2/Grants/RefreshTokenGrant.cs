// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using Tessera.Errors;
using Tessera.OAuth2.Clients;
using Tessera.OAuth2.Keys;
using Tessera.OAuth2.TokenHooks;
using Tessera.OAuth2.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tessera.OAuth2.Grants;

/// <summary>
/// RFC 6749 section 6 with rotation on every use. Exactly one caller rotates a token (a conditional update, on any
/// node); its answer is kept sealed on the old token's row. Within <c>oauth2.grant.refresh_token.rotation_grace_period</c>
/// the same token presented again (a retry after a timeout, or a concurrent request) gets that identical answer;
/// a concurrent caller that finds the rotation not yet finished waits briefly for it, then gets a retryable 503.
/// After the grace period the old token is a stolen one (seed row C1): the whole grant is revoked.
/// </summary>
internal sealed class RefreshTokenGrant(
    TokenStore store, OpaqueTokens opaque, TokenPairIssuer issuer, AccessTokenIssuer accessTokens, TokenHookRunner hooks, TokenRevocation revocation,
    SigningKeyProtector sealer, OAuth2Options options, TimeProvider clock)
{
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(25);
    private const int WaitSteps = 80;

    public async Task<Result<TokenResponse>> ExchangeAsync(OAuth2Client client, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        if (!client.GrantTypes.Contains(GrantTypes.RefreshToken))
        {
            return OAuth2Errors.Of(ErrorCatalog.OAuth2UnauthorizedClient, ("grant_type", GrantTypes.RefreshToken));
        }

        var signature = opaque.Signature(request.RefreshToken ?? string.Empty);
        var token = await store.FindAsync(signature, cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null || token.Kind != TokenKinds.RefreshToken || token.ClientId != client.ClientId || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidGrant, "The refresh token is unknown, expired or revoked.");
        }

        if (token.RotatedAt is not null)
        {
            return await AfterRotationAsync(signature, cancellationToken);
        }

        // The hooks run before the rotation: a refusal leaves the refresh token usable.
        var extra = token.SessionData is { } data ? JsonNode.Parse(data) as JsonObject : null;
        var idTokenClaims = token.IdTokenClaims is { } id ? JsonNode.Parse(id) as JsonObject : null;
        var grant = new TokenGrant(client, token.Subject, token.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), token.Audience.Split(' ', StringSplitOptions.RemoveEmptyEntries), token.RequestId, extra, idTokenClaims);
        if (!(await hooks.RunAsync(TokenHookRunner.RefreshTokenGrant, grant, accessTokens.Issuer, cancellationToken)).TryGetValue(out var claims, out var error))
        {
            return error;
        }

        return await store.TryRotateAsync(signature, now, cancellationToken)
            ? await RotateAsync(token, claims.ApplyTo(grant), now, cancellationToken)
            : await AfterRotationAsync(signature, cancellationToken);
    }

    private async Task<Result<TokenResponse>> RotateAsync(StoredToken token, TokenGrant grant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.RevokeAccessTokensAsync(token.RequestId, now, cancellationToken);
        var response = await issuer.IssueAsync(grant, "refresh_token_grant", now, nonce: null, cancellationToken);
        await store.SetRotationResponseAsync(token.Signature, sealer.Seal(JsonSerializer.SerializeToUtf8Bytes(response, OAuth2Json.Options)), cancellationToken);
        return response;
    }

    private async Task<Result<TokenResponse>> AfterRotationAsync(string signature, CancellationToken cancellationToken)
    {
        for (var step = 0; ; step++)
        {
            var token = await store.FindAsync(signature, cancellationToken);
            var now = clock.GetUtcNow();
            if (token?.RotatedAt is not { } rotatedAt || token.RevokedAt is not null)
            {
                return OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidGrant, "The refresh token is unknown, expired or revoked.");
            }

            if (now - rotatedAt > options.RefreshTokenRotationGracePeriod)
            {
                await revocation.RevokeRequestAsync(token.RequestId, cancellationToken);
                return OAuth2Errors.Of(ErrorCatalog.OAuth2RefreshTokenReused, ("since", Configuration.GoDuration.Format(now - rotatedAt)));
            }

            if (token.RotationResponse is { } sealedResponse && sealer.Open(sealedResponse) is { } bytes)
            {
                return JsonSerializer.Deserialize<TokenResponse>(Encoding.UTF8.GetString(bytes), OAuth2Json.Options)!;
            }

            if (step >= WaitSteps)
            {
                return OAuth2Errors.Problem(ErrorCatalog.OAuth2TemporarilyUnavailable, "The refresh token is being rotated by a concurrent request; retry shortly.");
            }

            await Task.Delay(WaitStep, cancellationToken);
        }
    }
}
