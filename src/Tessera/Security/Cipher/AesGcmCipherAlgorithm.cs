// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;

namespace Tessera.Security.Cipher;

/// <summary><c>aes</c> (the default): AES-256-GCM, a random 96-bit nonce per value. Layout: nonce | tag | ciphertext.</summary>
internal sealed class AesGcmCipherAlgorithm : ICipherAlgorithm
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Name => "aes";

    public string Tag => "aesgcm:";

    public byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
