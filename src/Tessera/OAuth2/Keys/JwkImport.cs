// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// A JWK sent to <c>PUT /admin/keys/{set}[/{kid}]</c>, read by IdentityModel's <see cref="JsonWebKey"/> and opened as
/// a signing key: an ES256 (P-256) or RS256 key with its private parameters, since the ring signs with what it keeps.
/// </summary>
internal static class JwkImport
{
    /// <summary>The key, or why it cannot be kept (the error's problem text).</summary>
    public static (AsymmetricSecurityKey? Key, string Algorithm, string Problem) Read(JsonNode? node)
    {
        if (node is not JsonObject json)
        {
            return (null, string.Empty, "the key must be a JSON Web Key object");
        }

        JsonWebKey jwk;
        try
        {
            jwk = new JsonWebKey(json.ToJsonString());
        }
        catch (ArgumentException)
        {
            return (null, string.Empty, "the key is not a JSON Web Key");
        }

        if (!string.IsNullOrEmpty(jwk.Use) && jwk.Use != "sig")
        {
            return (null, string.Empty, "use must be sig");
        }

        try
        {
            return jwk.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.EllipticCurve when jwk.Crv == JsonWebKeyECTypes.P256 && jwk.Alg is null or SecurityAlgorithms.EcdsaSha256 => Ec(jwk),
                JsonWebAlgorithmsKeyTypes.RSA when jwk.Alg is null or SecurityAlgorithms.RsaSha256 => Rsa(jwk),
                _ => (null, string.Empty, "the key must be an ES256 (EC P-256) or RS256 (RSA) signing key"),
            };
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            return (null, string.Empty, "the key's parameters do not form a valid key");
        }
    }

    private static (AsymmetricSecurityKey?, string, string) Ec(JsonWebKey jwk)
    {
        if (string.IsNullOrEmpty(jwk.D) || string.IsNullOrEmpty(jwk.X) || string.IsNullOrEmpty(jwk.Y))
        {
            return (null, string.Empty, "the key must carry its private part (d) and its public point (x, y)");
        }

        var ec = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = Base64UrlEncoder.DecodeBytes(jwk.D),
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
        });
        return (new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256, string.Empty);
    }

    private static (AsymmetricSecurityKey?, string, string) Rsa(JsonWebKey jwk)
    {
        string?[] parts = [jwk.N, jwk.E, jwk.D, jwk.P, jwk.Q, jwk.DP, jwk.DQ, jwk.QI];
        if (parts.Any(string.IsNullOrEmpty))
        {
            return (null, string.Empty, "the key must carry its private part (d, p, q, dp, dq, qi) and its public part (n, e)");
        }

        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(jwk.N),
            Exponent = Base64UrlEncoder.DecodeBytes(jwk.E),
            D = Base64UrlEncoder.DecodeBytes(jwk.D),
            P = Base64UrlEncoder.DecodeBytes(jwk.P),
            Q = Base64UrlEncoder.DecodeBytes(jwk.Q),
            DP = Base64UrlEncoder.DecodeBytes(jwk.DP),
            DQ = Base64UrlEncoder.DecodeBytes(jwk.DQ),
            InverseQ = Base64UrlEncoder.DecodeBytes(jwk.QI),
        });
        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            return (null, string.Empty, "an RSA key must have at least 2048 bits");
        }

        return (new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256, string.Empty);
    }
}
