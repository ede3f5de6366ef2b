// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.OAuth2.Keys;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// OpenID Connect ID tokens (Core section 2), signed with the newest key of <c>hydra.openid.id-token</c>: iss, sub,
/// aud (the client), iat, exp, and the nonce of the authorization request, plus the claims the grant carries for
/// the ID token (<see cref="TokenGrant.IdTokenClaims"/>: what consent, or the token hook, put there).
/// </summary>
internal sealed class IdTokenIssuer(AccessTokenIssuer access, OAuth2KeyRing keys)
{
    private static readonly JsonWebTokenHandler Jwts = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> IssueAsync(TokenGrant grant, TimeSpan lifespan, DateTimeOffset now, string? nonce, CancellationToken cancellationToken)
    {
        var key = await keys.CurrentAsync(KeySets.IdToken, cancellationToken);
        var claims = new Dictionary<string, object>();
        if (grant.IdTokenClaims is { } extra)
        {
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, object>>(extra.ToJsonString())!)
            {
                claims[name] = value;
            }
        }

        claims["sub"] = grant.Subject ?? grant.Client.ClientId;
        claims["aud"] = new[] { grant.Client.ClientId };
        claims["rat"] = now.ToUnixTimeSeconds();
        if (!string.IsNullOrEmpty(nonce))
        {
            claims["nonce"] = nonce;
        }

        return Jwts.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = access.Issuer,
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifespan).UtcDateTime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
    }
}
