// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tessera.Configuration;

namespace Tessera.Security.Cipher;

/// <summary>
/// Encrypts secrets kept at rest (TOTP secrets, backup codes) with AES-256-GCM under the keys of
/// <c>secrets.cipher</c>: the first key encrypts, every key decrypts, so keys can be rotated by putting a new one
/// first. A key is the SHA-256 of the configured secret. Nothing is derived from constants: without configured
/// keys the cipher refuses to work, and the methods that need it refuse to start.
/// </summary>
internal sealed class SecretCipher
{
    public const string ConfigKey = "secrets.cipher";
    private const string Prefix = "aesgcm:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IReadOnlyList<byte[]> _keys;

    private SecretCipher(IReadOnlyList<byte[]> keys) => _keys = keys;

    public bool Configured => _keys.Count > 0;

    public static SecretCipher Bind(ConfigurationTree config)
    {
        var secrets = config.GetStringList(ConfigKey);
        if (secrets.Any(s => s.Length < 32))
        {
            throw new ConfigurationException(ConfigKey, "every key must be at least 32 characters long");
        }

        return new SecretCipher(secrets.Select(s => SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToList());
    }

    public string Encrypt(ReadOnlySpan<byte> plaintext)
    {
        if (!Configured)
        {
            throw new InvalidOperationException($"{ConfigKey} has no keys; start-up should have refused this configuration.");
        }

        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[0], TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Prefix + Base64Url.EncodeToString(output);
    }

    /// <summary>The plaintext, or null when no key opens it (altered, or encrypted with a key no longer configured).</summary>
    public byte[]? Decrypt(string sealedText)
    {
        if (!sealedText.StartsWith(Prefix, StringComparison.Ordinal)
            || !Base64Url.IsValid(sealedText.AsSpan(Prefix.Length)))
        {
            return null;
        }

        var input = Base64Url.DecodeFromChars(sealedText.AsSpan(Prefix.Length));
        if (input.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plaintext = new byte[input.Length - NonceSize - TagSize];
        foreach (var key in _keys)
        {
            using var aes = new AesGcm(key, TagSize);
            try
            {
                aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plaintext);
                return plaintext;
            }
            catch (AuthenticationTagMismatchException)
            {
                // Not this key: try the older ones.
            }
        }

        return null;
    }

    public string EncryptText(string plaintext) => Encrypt(Encoding.UTF8.GetBytes(plaintext));

    public string? DecryptText(string sealedText) => Decrypt(sealedText) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
