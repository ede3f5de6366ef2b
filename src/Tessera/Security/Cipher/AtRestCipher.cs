// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using Tessera.Security.Secrets;

namespace Tessera.Security.Cipher;

/// <summary>
/// Seals values for the database: with the secrets cipher (<c>secrets.cipher</c>) when it has keys; otherwise, so that
/// zero configuration still works, with AES-256-GCM under a key derived from the server secret for
/// <paramref name="purpose"/>, tagged <paramref name="derivedTag"/> (when the server secret is the generated one, it
/// lives in the same database: the start-up warning about it applies here too). What each purpose seals stays
/// readable under either: the tag says which.
/// </summary>
internal sealed class AtRestCipher(SecretCipher cipher, ServerSecrets secrets, SecretPurpose purpose, string derivedTag)
{
    private static readonly AesGcmCipherAlgorithm Aes = new();

    public string Seal(ReadOnlySpan<byte> plaintext)
    {
        if (cipher.Configured)
        {
            return cipher.Encrypt(plaintext);
        }

        return derivedTag + Base64Url.EncodeToString(Aes.Seal(DerivedKey(), plaintext));
    }

    /// <summary>The plaintext, or null when no key opens it (altered, or sealed under a key no longer configured).</summary>
    public byte[]? Open(string sealedText)
    {
        if (!sealedText.StartsWith(derivedTag, StringComparison.Ordinal))
        {
            return cipher.Configured ? cipher.Decrypt(sealedText) : null;
        }

        var body = sealedText.AsSpan(derivedTag.Length);
        return Base64Url.IsValid(body) ? Aes.Open(DerivedKey(), Base64Url.DecodeFromChars(body)) : null;
    }

    // HKDF of the first server secret: a fixed 32-byte AES key (the HMAC of a constant label under the purpose key).
    private byte[] DerivedKey() => secrets.For(purpose).Sign("aes-256-gcm"u8);
}
