// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;

namespace Tessera.Hashing;

/// <summary>bcrypt (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c>) through BouncyCastle's OpenBSD bcrypt.</summary>
internal sealed class BcryptFormat : IPasswordHashFormat
{
    /// <summary>bcrypt reads at most 72 bytes of the password; longer passwords are refused, not truncated.</summary>
    public const int MaxPasswordBytes = 72;

    public bool Recognizes(string hash) =>
        hash.StartsWith("$2a$", StringComparison.Ordinal) || hash.StartsWith("$2b$", StringComparison.Ordinal) || hash.StartsWith("$2y$", StringComparison.Ordinal);

    public string? Check(string hash)
    {
        if (hash.Length != 60 || hash[6] != '$' || !int.TryParse(hash.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cost))
        {
            return "the bcrypt hash is malformed (expected $2b$<cost>$ followed by 53 characters)";
        }

        return cost is < 4 or > HashImportLimits.BcryptMaxCost
            ? $"the bcrypt hash's cost {cost} is outside what Tessera verifies (4 to {HashImportLimits.BcryptMaxCost})"
            : null;
    }

    public bool Verify(string password, string hash)
    {
        if (Check(hash) is not null || System.Text.Encoding.UTF8.GetByteCount(password) > MaxPasswordBytes)
        {
            return false;
        }

        try
        {
            // $2y$ and $2b$ are $2a$ without its historical bugs; for passwords BouncyCastle accepts they verify alike.
            return OpenBsdBCrypt.CheckPassword("$2a$" + hash[4..], password.ToCharArray());
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static string Hash(string password, int cost) =>
        "$2b$" + OpenBsdBCrypt.Generate(password.ToCharArray(), RandomNumberGenerator.GetBytes(16), cost)[4..];

    public static int? Cost(string hash) =>
        hash.Length > 6 && int.TryParse(hash.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cost) ? cost : null;
}
