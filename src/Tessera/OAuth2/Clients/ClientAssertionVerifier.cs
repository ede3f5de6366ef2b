// SPDX-License-Identifier: Apache-2.0
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.OAuth2.Tokens;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// <c>private_key_jwt</c> (RFC 7523 section 3, OpenID Connect Core section 9): the assertion is a JWT signed with one
/// of the client's keys (<see cref="ClientJwks"/>), <c>iss</c> and <c>sub</c> are the client id, <c>aud</c> names the
/// token endpoint, <c>exp</c> is in the future and <c>jti</c> was never used before by this client (a conditional
/// insert: of any number of concurrent uses exactly one wins).
/// </summary>
internal sealed class ClientAssertionVerifier(ClientJwks jwks, ClientAssertionStore used, AccessTokenIssuer issuer, TimeProvider clock)
{
    public const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly JsonWebTokenHandler Jwts = new();

    /// <summary>The client id the assertion claims to be from (unverified: only to find the client).</summary>
    public static string? ClaimedClientId(string? assertion)
    {
        if (string.IsNullOrEmpty(assertion) || !Jwts.CanReadToken(assertion))
        {
            return null;
        }

        try
        {
            var token = Jwts.ReadJsonWebToken(assertion);
            return string.IsNullOrEmpty(token.Subject) ? token.Issuer : token.Subject;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public async Task<bool> VerifyAsync(OAuth2Client client, string? assertionType, string? assertion, CancellationToken cancellationToken)
    {
        if (assertionType != JwtBearerType || string.IsNullOrEmpty(assertion))
        {
            return false;
        }

        var keys = await jwks.KeysAsync(client, cancellationToken);
        if (keys.Count == 0)
        {
            return false;
        }

        var result = await Jwts.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidIssuer = client.ClientId,
            ValidAudiences = [issuer.Issuer.TrimEnd('/') + "/oauth2/token"],
            // The lifetime is checked below against the server's clock (TimeProvider), not the machine's.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token || token.Subject != client.ClientId || string.IsNullOrEmpty(token.Id))
        {
            return false;
        }

        var expiresAt = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        if (expiresAt <= now || (token.ValidFrom != DateTime.MinValue && new DateTimeOffset(token.ValidFrom, TimeSpan.Zero) > now + TimeSpan.FromMinutes(1)))
        {
            return false;
        }

        return await used.TryUseAsync(client.ClientId, token.Id, expiresAt, cancellationToken);
    }
}
