// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using Tessera.Security.Cipher;
using Tessera.Security.Secrets;

namespace Tessera.OAuth2.Keys;

/// <summary>
/// Seals private keys for the database: with the secrets cipher (<c>secrets.cipher</c>) when it has keys; otherwise,
/// so that zero configuration still works, with AES-256-GCM under a key derived from the server secret (which, when
/// that is the generated one, lives in the same database: the start-up warning about it applies here too).
/// </summary>
internal sealed class SigningKeyProtector(SecretCipher cipher, ServerSecrets secrets)
{
    private const string DerivedTag = "oauth2-derived:";
    private static readonly SecretPurpose Purpose = new("tessera/oauth2-signing-keys/v1");
    private static readonly AesGcmCipherAlgorithm Aes = new();

    public string Seal(byte[] pkcs8)
    {
        if (cipher.Configured)
        {
            return cipher.Encrypt(pkcs8);
        }

        return DerivedTag + Base64Url.EncodeToString(Aes.Seal(DerivedKey(), pkcs8));
    }

    public byte[]? Open(string sealedText)
    {
        if (!sealedText.StartsWith(DerivedTag, StringComparison.Ordinal))
        {
            return cipher.Configured ? cipher.Decrypt(sealedText) : null;
        }

        var body = sealedText.AsSpan(DerivedTag.Length);
        return Base64Url.IsValid(body) ? Aes.Open(DerivedKey(), Base64Url.DecodeFromChars(body)) : null;
    }

    // HKDF of the first server secret: a fixed 32-byte AES key (the HMAC of a constant label under the purpose key).
    private byte[] DerivedKey() => secrets.For(Purpose).Sign("aes-256-gcm"u8);
}
