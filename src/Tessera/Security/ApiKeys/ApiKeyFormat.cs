// SPDX-License-Identifier: Apache-2.0
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// An API key's text: <c>&lt;prefix&gt;&lt;43 random base62 characters&gt;&lt;6 base62 characters of CRC-32&gt;</c>,
/// e.g. <c>tessera_admin_…</c>. The prefix makes a leaked key recognisable (secret scanners, log reviews); the
/// checksum over prefix and random part lets them tell a real key from a look-alike offline, without a call to the
/// server. 43 characters of base62 carry 256 bits, so the SHA-256 of the key is enough to store it.
/// </summary>
internal static class ApiKeyFormat
{
    public const int RandomLength = 43;
    public const int ChecksumLength = 6;
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    public static string Generate(ApiKeyKind kind)
    {
        var body = kind.Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return body + Checksum(body);
    }

    /// <summary>The kind whose prefix, length, alphabet and checksum <paramref name="key"/> has; null for anything else.</summary>
    public static ApiKeyKind? Recognise(string? key)
    {
        if (key is null)
        {
            return null;
        }

        foreach (var kind in ApiKeyKind.All)
        {
            if (key.Length == kind.Prefix.Length + RandomLength + ChecksumLength
                && key.StartsWith(kind.Prefix, StringComparison.Ordinal)
                && key.AsSpan(kind.Prefix.Length).IndexOfAnyExcept(AlphabetValues) < 0
                && string.Equals(Checksum(key[..^ChecksumLength]), key[^ChecksumLength..], StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>What may be shown of a key after creation: its prefix and the first four random characters.</summary>
    public static string Hint(string key, ApiKeyKind kind) => key[..(kind.Prefix.Length + 4)] + "...";

    /// <summary>SHA-256 of the key, hex: the only form the database holds.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Checksum(string body)
    {
        var value = Crc32.Compute(Encoding.ASCII.GetBytes(body));
        Span<char> digits = stackalloc char[ChecksumLength];
        for (var i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }
}
