// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BclHashAlgorithmName = System.Security.Cryptography.HashAlgorithmName;

namespace Tessera.Hashing;

/// <summary>
/// ASP.NET Core Identity's <c>PasswordHasher</c> output, base64: v3 is <c>0x01 | prf (u32 BE: 0 SHA1, 1 SHA256,
/// 2 SHA512) | iterations (u32 BE) | salt length (u32 BE) | salt | subkey</c>; v2 is <c>0x00 | 16-byte salt |
/// 32-byte subkey</c> with PBKDF2-SHA1 and 1,000 iterations.
/// </summary>
internal sealed class AspNetIdentityFormat : IPasswordHashFormat
{
    public bool Recognizes(string hash) => !hash.StartsWith('$') && Decode(hash) is { Length: > 0 } bytes && bytes[0] is 0x00 or 0x01;

    public string? Check(string hash) => Parse(hash, out var error) is null ? error : null;

    public bool Verify(string password, string hash)
    {
        if (Parse(hash, out _) is not { } parsed)
        {
            return false;
        }

        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), parsed.Salt, parsed.Iterations, parsed.Algorithm, parsed.Subkey.Length);
        return CryptographicOperations.FixedTimeEquals(derived, parsed.Subkey);
    }

    private static (BclHashAlgorithmName Algorithm, int Iterations, byte[] Salt, byte[] Subkey)? Parse(string hash, out string? error)
    {
        error = "the ASP.NET Core Identity hash is malformed";
        var bytes = Decode(hash);
        if (bytes is { Length: 49 } && bytes[0] == 0x00)
        {
            error = null;
            return (BclHashAlgorithmName.SHA1, 1000, bytes[1..17], bytes[17..]);
        }

        if (bytes is not { Length: >= 13 } || bytes[0] != 0x01)
        {
            return null;
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        BclHashAlgorithmName? algorithm = prf switch
        {
            0 => BclHashAlgorithmName.SHA1,
            1 => BclHashAlgorithmName.SHA256,
            2 => BclHashAlgorithmName.SHA512,
            _ => null,
        };
        if (algorithm is null || saltLength < 8 || 13 + saltLength >= bytes.Length || iterations < 1)
        {
            return null;
        }

        if (iterations > HashImportLimits.Pbkdf2MaxIterations)
        {
            error = $"the ASP.NET Core Identity hash's iteration count {iterations} exceeds what Tessera verifies ({HashImportLimits.Pbkdf2MaxIterations})";
            return null;
        }

        error = null;
        var saltEnd = 13 + (int)saltLength;
        return (algorithm.Value, (int)iterations, bytes[13..saltEnd], bytes[saltEnd..]);
    }

    private static byte[]? Decode(string hash)
    {
        try
        {
            return Convert.FromBase64String(hash);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
