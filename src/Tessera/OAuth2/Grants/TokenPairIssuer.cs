// SPDX-License-Identifier: Apache-2.0
using Tessera.OAuth2.Tokens;

namespace Tessera.OAuth2.Grants;

/// <summary>
/// Issues what a user grant answers with: an access token, a refresh token when the grant includes offline access
/// (scope <c>offline</c> or <c>offline_access</c>) and the client may refresh, and an ID token for <c>openid</c>.
/// The rows are stored before the answer leaves.
/// </summary>
internal sealed class TokenPairIssuer(AccessTokenIssuer tokens, IdTokenIssuer idTokens, TokenStore store, OAuth2Options options)
{
    /// <param name="grantKind">The client lifespan fields' prefix: authorization_code_grant or refresh_token_grant.</param>
    public async Task<TokenResponse> IssueAsync(TokenGrant grant, string grantKind, DateTimeOffset now, string? nonce, CancellationToken cancellationToken)
    {
        var client = grant.Client;
        var accessLifespan = client.Lifespan($"{grantKind}_access_token_lifespan") ?? options.AccessTokenLifespan;
        var access = await tokens.AccessTokenAsync(grant, accessLifespan, now, cancellationToken);
        var rows = new List<StoredToken> { access.Stored };
        string? refresh = null;
        if (grant.Scopes.Any(s => s is "offline" or "offline_access") && client.GrantTypes.Contains("refresh_token"))
        {
            var issued = tokens.RefreshToken(grant, client.Lifespan($"{grantKind}_refresh_token_lifespan") ?? options.RefreshTokenLifespan, now);
            rows.Add(issued.Stored);
            refresh = issued.Value;
        }

        var idToken = grant.Scopes.Contains("openid")
            ? await idTokens.IssueAsync(grant, client.Lifespan($"{grantKind}_id_token_lifespan") ?? options.IdTokenLifespan, now, nonce, cancellationToken)
            : null;
        await store.InsertAsync(rows, cancellationToken);
        return new TokenResponse(access.Value, (long)accessLifespan.TotalSeconds, string.Join(' ', grant.Scopes), TokenResponse.Bearer, refresh, idToken);
    }
}
