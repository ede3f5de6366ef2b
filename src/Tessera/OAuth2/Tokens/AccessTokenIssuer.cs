// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.Hosting;
using Tessera.OAuth2.Keys;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// Mints access and refresh tokens. Access tokens are opaque (<c>tsr_at_...</c>) unless the client's
/// <c>access_token_strategy</c> (else <c>strategies.access_token</c>) says jwt: then an RFC 9068 JWT signed with the
/// newest key of <c>hydra.jwt.access-token</c>. Both kinds are stored by keyed hash, so introspection and revocation
/// treat them alike. Nothing is written here: the caller stores the rows with the rest of the grant. A client's own
/// opaque token needs no row at all (<see cref="SelfContainedAccessToken"/>).
/// </summary>
internal sealed class AccessTokenIssuer(OAuth2Options options, OpaqueTokens opaque, SelfContainedTokens selfContained, OAuth2KeyRing keys, PublicUrls urls)
{
    private static readonly JsonWebTokenHandler Jwts = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issuer => (options.Issuer ?? urls.BaseUrl).AbsoluteUri.TrimEnd('/');

    public async Task<IssuedToken> AccessTokenAsync(TokenGrant grant, TimeSpan lifespan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expiresAt = now + lifespan;
        var strategy = grant.Client.AccessTokenStrategy ?? options.AccessTokenStrategy;
        var value = strategy == AccessTokenStrategy.Jwt
            ? await JwtAsync(grant, now, expiresAt, cancellationToken)
            : OpaqueTokens.New(OpaqueTokens.AccessPrefix);
        return new IssuedToken(value, Row(value, TokenKinds.AccessToken, grant, now, expiresAt));
    }

    /// <summary>
    /// A client_credentials access token sealed instead of stored (<see cref="SelfContainedTokens"/>), so issuing it
    /// writes nothing: when the strategy is opaque and no token hook added claims (those stay in a row, out of the
    /// token). Null otherwise: then the caller issues and stores the usual kind.
    /// </summary>
    public string? SelfContainedAccessToken(TokenGrant grant, TimeSpan lifespan, DateTimeOffset now) =>
        (grant.Client.AccessTokenStrategy ?? options.AccessTokenStrategy) == AccessTokenStrategy.Opaque && grant.Subject is null && grant.Extra is null
            ? selfContained.Seal(new SelfContainedClaims(
                grant.RequestId, grant.Client.ClientId, grant.Client.TokenEpoch, string.Join(' ', grant.Scopes), string.Join(' ', grant.Audience), now, now + lifespan))
            : null;

    public IssuedToken RefreshToken(TokenGrant grant, TimeSpan lifespan, DateTimeOffset now)
    {
        var value = OpaqueTokens.New(OpaqueTokens.RefreshPrefix);
        return new IssuedToken(value, Row(value, TokenKinds.RefreshToken, grant, now, now + lifespan));
    }

    private StoredToken Row(string value, string kind, TokenGrant grant, DateTimeOffset now, DateTimeOffset expiresAt) => new(
        opaque.Signature(value),
        kind,
        grant.RequestId,
        grant.Client.ClientId,
        grant.Subject,
        string.Join(' ', grant.Scopes),
        string.Join(' ', grant.Audience),
        grant.Extra?.ToJsonString(),
        now,
        expiresAt);

    private async Task<string> JwtAsync(TokenGrant grant, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var key = await keys.CurrentAsync(KeySets.AccessToken, cancellationToken);
        var claims = new Dictionary<string, object>
        {
            ["jti"] = Guid.NewGuid().ToString(),
            ["client_id"] = grant.Client.ClientId,
            ["sub"] = grant.Subject ?? grant.Client.ClientId,
            ["scp"] = grant.Scopes.ToArray(),
            ["aud"] = grant.Audience.ToArray(),
        };
        if (grant.Extra is { Count: > 0 } extra)
        {
            claims["ext"] = JsonSerializer.Deserialize<Dictionary<string, object>>(extra.ToJsonString())!;
        }

        return Jwts.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = key.Credentials,
            TokenType = "at+jwt",
        });
    }
}
