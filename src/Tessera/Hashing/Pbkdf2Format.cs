// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using BclHashAlgorithmName = System.Security.Cryptography.HashAlgorithmName;

namespace Tessera.Hashing;

/// <summary>PBKDF2 PHC strings as Kratos imports them: <c>$pbkdf2-sha256$i=100000,l=32$salt$hash</c> (sha1/sha256/sha384/sha512).</summary>
internal sealed class Pbkdf2Format : IPasswordHashFormat
{
    public bool Recognizes(string hash) => hash.StartsWith("$pbkdf2-", StringComparison.Ordinal);

    public string? Check(string hash) => Parse(hash, out _, out _, out var error) is null ? error : null;

    public bool Verify(string password, string hash)
    {
        if (Parse(hash, out var algorithm, out var iterations, out _) is not { } phc)
        {
            return false;
        }

        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), phc.Salt, iterations, algorithm, phc.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(derived, phc.Hash);
    }

    private static PhcString? Parse(string hash, out BclHashAlgorithmName algorithm, out int iterations, out string? error)
    {
        algorithm = default;
        iterations = 0;
        var phc = PhcString.TryParse(hash);
        if (phc is null)
        {
            error = "the pbkdf2 hash is not a valid PHC string ($pbkdf2-sha256$i=...,l=...$salt$hash)";
            return null;
        }

        algorithm = phc.Id switch
        {
            "pbkdf2-sha1" => BclHashAlgorithmName.SHA1,
            "pbkdf2-sha256" => BclHashAlgorithmName.SHA256,
            "pbkdf2-sha384" => BclHashAlgorithmName.SHA384,
            "pbkdf2-sha512" => BclHashAlgorithmName.SHA512,
            _ => default,
        };
        if (algorithm == default || phc.Long("i") is not { } i || i < 1)
        {
            error = $"the pbkdf2 hash names an unsupported digest ({phc.Id}) or lacks its iteration count i";
            return null;
        }

        if (i > HashImportLimits.Pbkdf2MaxIterations)
        {
            error = $"the pbkdf2 hash's iteration count {i} exceeds what Tessera verifies ({HashImportLimits.Pbkdf2MaxIterations})";
            return null;
        }

        if (phc.Long("l") is { } l && l != phc.Hash.Length)
        {
            error = "the pbkdf2 hash's key length l does not match its hash";
            return null;
        }

        iterations = (int)i;
        error = null;
        return phc;
    }
}
