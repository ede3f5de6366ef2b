// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Tessera.Security.Cipher;

/// <summary>
/// <c>xchacha20-poly1305</c> (Kratos's quickstart choice), through NSec (libsodium): a random 192-bit nonce per value,
/// large enough that random nonces never repeat. Layout: nonce | ciphertext with its tag.
/// </summary>
internal sealed class XChaCha20Poly1305CipherAlgorithm : ICipherAlgorithm
{
    private static readonly AeadAlgorithm Algorithm = AeadAlgorithm.XChaCha20Poly1305;

    public string Name => "xchacha20-poly1305";

    public string Tag => "xchacha20poly1305:";

    public byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext)
    {
        using var imported = Import(key);
        var output = new byte[Algorithm.NonceSize + plaintext.Length + Algorithm.TagSize];
        var nonce = output.AsSpan(0, Algorithm.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Algorithm.Encrypt(imported, nonce, [], plaintext, output.AsSpan(Algorithm.NonceSize));
        return output;
    }

    public byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < Algorithm.NonceSize + Algorithm.TagSize)
        {
            return null;
        }

        using var imported = Import(key);
        var plaintext = new byte[sealedBytes.Length - Algorithm.NonceSize - Algorithm.TagSize];
        return Algorithm.Decrypt(imported, sealedBytes[..Algorithm.NonceSize], [], sealedBytes[Algorithm.NonceSize..], plaintext)
            ? plaintext
            : null;
    }

    private static Key Import(ReadOnlySpan<byte> key) => Key.Import(Algorithm, key, KeyBlobFormat.RawSymmetricKey);
}
