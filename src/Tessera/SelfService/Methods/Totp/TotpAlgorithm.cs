// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Tessera.SelfService.Methods.Totp;

/// <summary>
/// RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits, as authenticator apps default to) over RFC 4226 HOTP.
/// A code is accepted for the current step and one step either side (clock drift), and only for a step later than
/// the last one accepted, so a code cannot be replayed within its window.
/// </summary>
internal static class TotpAlgorithm
{
    public const int SecretSize = 20;
    private const int StepSeconds = 30;
    private const int Digits = 6;

    public static long StepAt(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(ReadOnlySpan<byte> secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 with SHA-1 is what authenticator apps implement; HMAC-SHA1 is not broken as a MAC.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString(CultureInfo.InvariantCulture).PadLeft(Digits, '0');
    }

    /// <summary>The step the code matches (within ±1 of now and after <paramref name="lastUsedStep"/>), or null.</summary>
    public static long? Verify(ReadOnlySpan<byte> secret, string? code, DateTimeOffset now, long lastUsedStep)
    {
        if (code is null || code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = StepAt(now);
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (step > lastUsedStep && CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }
}
