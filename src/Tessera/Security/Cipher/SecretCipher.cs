// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tessera.Configuration;

namespace Tessera.Security.Cipher;

/// <summary>
/// Encrypts secrets kept at rest (TOTP secrets, backup codes) with <c>ciphers.algorithm</c> (<c>aes</c>: AES-256-GCM,
/// the default; <c>xchacha20-poly1305</c>; <c>noop</c> in dev mode only) under the keys of <c>secrets.cipher</c>:
/// the first key encrypts, every key decrypts, so keys can be rotated by putting a new one first. A key is the
/// SHA-256 of the configured secret. Each value is tagged with its algorithm, so changing the algorithm later still
/// opens the values written before. Nothing is derived from constants: without configured keys the cipher refuses
/// to work, and the methods that need it refuse to start.
/// </summary>
internal sealed class SecretCipher
{
    public const string ConfigKey = "secrets.cipher";
    public const string AlgorithmKey = "ciphers.algorithm";

    private static readonly ICipherAlgorithm[] Algorithms =
        [new AesGcmCipherAlgorithm(), new XChaCha20Poly1305CipherAlgorithm(), new NoopCipherAlgorithm()];

    private readonly ICipherAlgorithm _algorithm;
    private readonly IReadOnlyList<ICipherAlgorithm> _readable;
    private readonly IReadOnlyList<byte[]> _keys;

    private SecretCipher(ICipherAlgorithm algorithm, IReadOnlyList<ICipherAlgorithm> readable, IReadOnlyList<byte[]> keys)
    {
        _algorithm = algorithm;
        _readable = readable;
        _keys = keys;
    }

    public bool Configured => _keys.Count > 0 || _algorithm is NoopCipherAlgorithm;

    public string AlgorithmName => _algorithm.Name;

    public static SecretCipher Bind(ConfigurationTree config)
    {
        var secrets = config.GetStringList(ConfigKey);
        if (secrets.Any(s => s.Length < 32))
        {
            throw new ConfigurationException(ConfigKey, "every key must be at least 32 characters long");
        }

        var name = config.GetString(AlgorithmKey, "aes")!;
        var algorithm = Algorithms.FirstOrDefault(a => a.Name == name)
            ?? throw new ConfigurationException(AlgorithmKey, $"expected one of {string.Join(", ", Algorithms.Select(a => a.Name))}, got \"{name}\"");
        var dev = config.GetBool("dev", false);
        if (algorithm is NoopCipherAlgorithm && !dev)
        {
            throw new ConfigurationException(AlgorithmKey, "noop stores secrets unencrypted and is refused outside dev mode: use aes or xchacha20-poly1305");
        }

        // Unencrypted values are read only where they may be written: a noop value planted in a production database
        // must not pose as a sealed secret.
        var readable = Algorithms.Where(a => a is not NoopCipherAlgorithm || dev).ToList();
        return new SecretCipher(algorithm, readable, secrets.Select(s => SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToList());
    }

    public string Encrypt(ReadOnlySpan<byte> plaintext)
    {
        if (!Configured)
        {
            throw new InvalidOperationException($"{ConfigKey} has no keys; start-up should have refused this configuration.");
        }

        var key = _keys.Count > 0 ? _keys[0] : [];
        return _algorithm.Tag + Base64Url.EncodeToString(_algorithm.Seal(key, plaintext));
    }

    /// <summary>The plaintext, or null when no key opens it (altered, or encrypted with a key no longer configured).</summary>
    public byte[]? Decrypt(string sealedText)
    {
        var algorithm = _readable.FirstOrDefault(a => sealedText.StartsWith(a.Tag, StringComparison.Ordinal));
        if (algorithm is null || !Base64Url.IsValid(sealedText.AsSpan(algorithm.Tag.Length)))
        {
            return null;
        }

        var input = Base64Url.DecodeFromChars(sealedText.AsSpan(algorithm.Tag.Length));
        if (algorithm is NoopCipherAlgorithm)
        {
            return algorithm.Open([], input);
        }

        foreach (var key in _keys)
        {
            if (algorithm.Open(key, input) is { } plaintext)
            {
                return plaintext;
            }
        }

        return null;
    }

    public string EncryptText(string plaintext) => Encrypt(Encoding.UTF8.GetBytes(plaintext));

    public string? DecryptText(string sealedText) => Decrypt(sealedText) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
