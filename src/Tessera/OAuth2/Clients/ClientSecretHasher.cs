// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Tessera.Hashing;
using Tessera.Security.Secrets;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// Client secrets at rest. Server-generated secrets are 256 random bits, so a keyed hash (HMAC-SHA256 under a key
/// derived from the server secret, <c>hmac:</c>) is as strong as a slow hash and verifies in microseconds: the token
/// path stays fast (Hydra's PBKDF2 default limits it to a few hundred requests a second). A secret the operator
/// chose or imported may be weak, so it gets PBKDF2-SHA256; a successful verification is remembered (by the keyed
/// hash of the presented secret) so the next request does not pay for it again.
/// </summary>
internal sealed class ClientSecretHasher(ServerSecrets secrets)
{
    private const string KeyedPrefix = "hmac:";
    private const int GeneratedBytes = 32;
    private const int Pbkdf2Iterations = 100_000;
    private const int MaxRemembered = 10_000;

    private static readonly SecretPurpose Purpose = new("tessera/oauth2-client-secrets/v1");
    private static readonly Pbkdf2Format Pbkdf2 = new();

    // client id + stored hash + keyed hash of the presented secret: a changed secret or stored hash never matches.
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(GeneratedBytes));

    public string HashGenerated(string secret) =>
        KeyedPrefix + Base64Url.EncodeToString(secrets.For(Purpose).Sign(Encoding.UTF8.GetBytes(secret)));

    public static string HashChosen(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
        return $"$pbkdf2-sha256$i={Pbkdf2Iterations},l=32${Convert.ToBase64String(salt).TrimEnd('=')}${Convert.ToBase64String(hash).TrimEnd('=')}";
    }

    /// <summary>Whether <paramref name="presented"/> is the secret behind <paramref name="storedHash"/> (constant time).</summary>
    public bool Verify(string clientId, string presented, string? storedHash)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        if (storedHash is null)
        {
            // Don't reveal whether the client exists: an unknown client costs the same keyed hash as a known one.
            secrets.For(Purpose).Verify(bytes, new byte[HMACSHA256.HashSizeInBytes]);
            return false;
        }

        if (storedHash.StartsWith(KeyedPrefix, StringComparison.Ordinal))
        {
            var mac = Base64Url.IsValid(storedHash.AsSpan(KeyedPrefix.Length)) ? Base64Url.DecodeFromChars(storedHash.AsSpan(KeyedPrefix.Length)) : [];
            return mac.Length == HMACSHA256.HashSizeInBytes && secrets.For(Purpose).Verify(bytes, mac);
        }

        var rememberedKey = clientId + "\n" + storedHash + "\n" + Convert.ToBase64String(secrets.For(Purpose).Sign(bytes));
        if (_verified.ContainsKey(rememberedKey))
        {
            return true;
        }

        if (!Pbkdf2.Verify(presented, storedHash))
        {
            return false;
        }

        if (_verified.Count >= MaxRemembered)
        {
            _verified.Clear();
        }

        _verified[rememberedKey] = true;
        return true;
    }
}
