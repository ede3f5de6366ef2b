// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// Six random digits, kept only as an HMAC-SHA256 keyed with the flow id: a code copied from one flow's storage
/// matches no other flow, and the plain code exists only in the e-mail. Comparison is constant-time.
/// </summary>
internal static class OneTimeCode
{
    public const int Length = 6;

    public static string Generate() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(string code, Guid flowId) =>
        Convert.ToBase64String(HMACSHA256.HashData(flowId.ToByteArray(), Encoding.UTF8.GetBytes(code.Trim())));

    public static bool Matches(string submitted, string storedHash, Guid flowId)
    {
        // Hash whatever was typed (bounded), so a wrong length costs the same as a wrong digit.
        var typed = submitted.Length > 64 ? submitted[..64] : submitted;
        var expected = Convert.FromBase64String(storedHash);
        var actual = Convert.FromBase64String(Hash(typed, flowId));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
