// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Security.Secrets;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// Six random digits, kept only as an HMAC-SHA256 of the flow id and the code under a key derived from the server
/// secret (<see cref="SecretPurpose.OneTimeCodes"/>). The flow id is public, so it is data, never the key: without
/// the secret, a stolen row cannot be tested against the 10^6 candidates. Binding the flow id means a hash copied
/// from one flow's row matches no other flow. The plain code exists only in the e-mail (and the outbox until its
/// body is redacted). Verification tries every configured secret (rotation) in constant time. The link method's
/// tokens are kept the same way (<see cref="Link.LinkTokens"/>).
/// </summary>
internal static class OneTimeCode
{
    public const int Length = 6;
    private const int MaxTyped = 64;

    public static string Generate() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(string code, Guid flowId, PurposeKeys keys) => Convert.ToBase64String(keys.Sign(Message(code, flowId)));

    public static bool Matches(string submitted, string storedHash, Guid flowId, PurposeKeys keys)
    {
        // Hash whatever was typed (bounded), so a wrong length costs the same as a wrong digit.
        var typed = submitted.Length > MaxTyped ? submitted[..MaxTyped] : submitted;
        var expected = new byte[HMACSHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(storedHash, expected, out var written) && written == expected.Length
            && keys.Verify(Message(typed, flowId), expected);
    }

    // The flow id's 16 bytes, then the code: fixed-length prefix, so no two (flow, code) pairs give the same input.
    private static byte[] Message(string code, Guid flowId) => [.. flowId.ToByteArray(), .. Encoding.UTF8.GetBytes(code.Trim())];
}
