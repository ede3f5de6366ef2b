// SPDX-License-Identifier: Apache-2.0
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tessera.Errors;
using Tessera.OAuth2.Keys;
using Tessera.OAuth2.Tokens;

namespace Tessera.OAuth2.Authorization.Logout;

/// <summary>
/// An <c>id_token_hint</c> verified as one of this server's ID tokens: signed by a key of <c>hydra.openid.id-token</c>
/// still kept, issued by this issuer. Its lifetime is not checked (OpenID Connect RP-Initiated Logout section 2: an
/// expired ID token is a valid hint). What it names: the subject, the session (<c>sid</c>) and the client (<c>aud</c>).
/// </summary>
internal sealed record IdTokenHint(string Subject, string? Sid, string ClientId)
{
    private static readonly JsonWebTokenHandler Jwts = new();

    public static async Task<Result<IdTokenHint>> VerifyAsync(string hint, OAuth2KeyRing keys, AccessTokenIssuer issuer, CancellationToken cancellationToken)
    {
        var set = await keys.SetAsync(KeySets.IdToken, cancellationToken);
        var result = await Jwts.ValidateTokenAsync(hint, new TokenValidationParameters
        {
            IssuerSigningKeys = set.Select(k => k.PrivateKey),
            ValidIssuer = issuer.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return Invalid("its signature, issuer or format does not verify");
        }

        var audience = token.Audiences.FirstOrDefault();
        if (string.IsNullOrEmpty(token.Subject) || string.IsNullOrEmpty(audience))
        {
            return Invalid("it names no subject or no client");
        }

        return new IdTokenHint(token.Subject, token.TryGetPayloadValue<string>("sid", out var sid) ? sid : null, audience);
    }

    private static TesseraError Invalid(string problem) => OAuth2Errors.Problem(ErrorCatalog.OAuth2LogoutIdTokenHintInvalid, problem);
}
