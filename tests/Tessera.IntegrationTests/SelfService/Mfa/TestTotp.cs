// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Tessera.IntegrationTests.SelfService.Mfa;

/// <summary>An authenticator app in the test: RFC 6238 codes from the base32 secret the settings flow showed.</summary>
public static class TestTotp
{
    public static string Code(string base32Secret, DateTimeOffset at)
    {
        var secret = FromBase32(base32Secret);
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 is HMAC-SHA1.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that the app would not show at <paramref name="at"/> or the steps either side (the <paramref name="index"/>th such).</summary>
    public static string WrongCode(string base32Secret, DateTimeOffset at, int index)
    {
        var valid = new[] { -30, 0, 30 }.Select(s => Code(base32Secret, at.AddSeconds(s))).ToHashSet();
        for (var candidate = 100_003L * (index + 1); ; candidate += 7)
        {
            var code = (candidate % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            if (!valid.Contains(code))
            {
                return code;
            }
        }
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
