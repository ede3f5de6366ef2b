// SPDX-License-Identifier: Apache-2.0
using Tessera.OAuth2.Clients;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// Revokes tokens and makes it visible at once on this node (the lookup cache is emptied) and within
/// <see cref="TokenLookup.CacheLifetime"/> on the others. The one entry point for revocation: RFC 7009, the admin
/// API, and the identity events that revoke a subject's tokens.
/// </summary>
internal sealed class TokenRevocation(TokenStore store, ClientStore clients, TokenLookup lookup, TimeProvider clock)
{
    /// <summary>
    /// RFC 7009: a refresh token takes every token of its grant with it (section 2.1, "SHOULD also invalidate all access
    /// tokens based on the same authorization grant"); an access token only itself.
    /// </summary>
    public async Task RevokeAsync(StoredToken token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var revoked = token.Kind == TokenKinds.RefreshToken
            ? await store.RevokeRequestAsync(token.RequestId, now, cancellationToken)
            : await store.RevokeAsync(token.Signature, now, cancellationToken);
        if (revoked == 0 && token.RevokedAt is null)
        {
            // A self-contained token has no row until now: its row is the revocation record.
            await store.InsertRevokedAsync(token, now, cancellationToken);
        }

        lookup.Invalidate();
    }

    /// <summary>Every token of one grant (reuse of a rotated refresh token or of a redeemed code).</summary>
    public async Task RevokeRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        await store.RevokeRequestAsync(requestId, clock.GetUtcNow(), cancellationToken);
        lookup.Invalidate();
    }

    /// <summary>Every token of a client: the stored ones, and the self-contained ones by a new token epoch.</summary>
    public async Task<int> RevokeClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var count = await store.RevokeClientAsync(clientId, clock.GetUtcNow(), cancellationToken);
        await clients.RenewTokenEpochAsync(clientId, cancellationToken);
        lookup.Invalidate();
        return count;
    }

    /// <summary>Every token issued for <paramref name="subject"/> (an identity id): for hooks on password change, disabling, session revocation.</summary>
    public async Task<int> RevokeSubjectAsync(string subject, CancellationToken cancellationToken)
    {
        var count = await store.RevokeSubjectAsync(subject, clock.GetUtcNow(), cancellationToken);
        lookup.Invalidate();
        return count;
    }
}
