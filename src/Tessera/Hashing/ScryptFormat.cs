// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace Tessera.Hashing;

/// <summary>
/// scrypt PHC strings as Kratos imports them: <c>$scrypt$ln=16384,r=8,p=1$salt$hash</c>. Kratos's <c>ln</c> is the
/// cost N itself; a value of 31 or less is read as log2(N), the PHC convention, since no real N is that small.
/// </summary>
internal sealed class ScryptFormat : IPasswordHashFormat
{
    public bool Recognizes(string hash) => hash.StartsWith("$scrypt$", StringComparison.Ordinal);

    public string? Check(string hash) => Parse(hash, out _, out var error) is null ? error : null;

    public bool Verify(string password, string hash)
    {
        if (Parse(hash, out var cost, out _) is not { } phc)
        {
            return false;
        }

        var derived = SCrypt.Generate(Encoding.UTF8.GetBytes(password), phc.Salt, cost.N, cost.R, cost.P, phc.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(derived, phc.Hash);
    }

    private static PhcString? Parse(string hash, out (int N, int R, int P) cost, out string? error)
    {
        cost = default;
        var phc = PhcString.TryParse(hash);
        if (phc is null || phc.Id != "scrypt" || phc.Long("ln") is not { } ln || phc.Long("r") is not { } r || phc.Long("p") is not { } p)
        {
            error = "the scrypt hash is not a valid PHC string ($scrypt$ln=...,r=...,p=...$salt$hash)";
            return null;
        }

        var n = ln <= 31 ? 1L << (int)ln : ln;
        if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1)
        {
            error = "the scrypt hash's N must be a power of two, r and p positive";
            return null;
        }

        if (n > HashImportLimits.ScryptMaxCost || r > HashImportLimits.ScryptMaxBlockSize || p > HashImportLimits.ScryptMaxParallelism
            || 128 * n * r > HashImportLimits.ScryptMaxMemoryBytes)
        {
            error = $"the scrypt hash's cost (N={n}, r={r}, p={p}) exceeds what Tessera verifies (N <= {HashImportLimits.ScryptMaxCost}, r <= {HashImportLimits.ScryptMaxBlockSize}, p <= {HashImportLimits.ScryptMaxParallelism})";
            return null;
        }

        cost = ((int)n, (int)r, (int)p);
        error = null;
        return phc;
    }
}
