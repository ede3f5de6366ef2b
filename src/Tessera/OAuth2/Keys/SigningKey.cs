// SPDX-License-Identifier: Apache-2.0
using Microsoft.IdentityModel.Tokens;

namespace Tessera.OAuth2.Keys;

/// <summary>One key of a JSON Web Key set: its id, algorithm (ES256 or RS256), use, and the opened private key.</summary>
internal sealed record SigningKey(string Set, string Kid, string Algorithm, string Use, AsymmetricSecurityKey PrivateKey, DateTimeOffset CreatedAt)
{
    /// <summary>When the key was deleted or replaced: no longer published or signing, still opening codes it signed.</summary>
    public DateTimeOffset? RetiredAt { get; init; }

    public bool Live => RetiredAt is null;

    public SigningCredentials Credentials => new(PrivateKey, Algorithm);

    /// <summary>The public half as a JWK (no private parameters).</summary>
    public JsonWebKey PublicJwk
    {
        get
        {
            var jwk = PrivateKey switch
            {
                ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(ec.ECDsa.ExportParameters(false))) { KeyId = Kid }),
                RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.Rsa.ExportParameters(false)) { KeyId = Kid }),
                _ => throw new InvalidOperationException("Only EC and RSA keys are kept."),
            };
            jwk.Alg = Algorithm;
            jwk.Use = Use;
            jwk.Kid = Kid;
            return jwk;
        }
    }

    /// <summary>The key with its private parameters, as Hydra answers key creation.</summary>
    public JsonWebKey PrivateJwk
    {
        get
        {
            var jwk = PrivateKey switch
            {
                ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec),
                RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(rsa),
                _ => throw new InvalidOperationException("Only EC and RSA keys are kept."),
            };
            jwk.Alg = Algorithm;
            jwk.Use = Use;
            jwk.Kid = Kid;
            return jwk;
        }
    }
}
