// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Hashing;

/// <summary>argon2id (and, for imports, argon2i) PHC strings through libargon2.</summary>
internal sealed class Argon2Format : IPasswordHashFormat
{
    public bool Recognizes(string hash) =>
        hash.StartsWith("$argon2id$", StringComparison.Ordinal) || hash.StartsWith("$argon2i$", StringComparison.Ordinal);

    public string? Check(string hash)
    {
        var phc = PhcString.TryParse(hash);
        if (phc is null || phc.Id is not ("argon2id" or "argon2i") || phc.Version is not (16 or 19))
        {
            return "the argon2 hash is not a valid PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash)";
        }

        if (phc.Long("m") is not { } m || phc.Long("t") is not { } t || phc.Long("p") is not { } p || m < 8 || t < 1 || p < 1)
        {
            return "the argon2 hash lacks its m, t or p parameter";
        }

        if (m > HashImportLimits.Argon2MaxMemoryKiB || t > HashImportLimits.Argon2MaxIterations || p > HashImportLimits.Argon2MaxParallelism
            || (ulong)m * (ulong)t > HashImportLimits.Argon2MaxWorkKiB)
        {
            return $"the argon2 hash's cost (m={m}, t={t}, p={p}) exceeds what Tessera verifies " +
                $"(m <= {HashImportLimits.Argon2MaxMemoryKiB}, t <= {HashImportLimits.Argon2MaxIterations}, m*t <= {HashImportLimits.Argon2MaxWorkKiB})";
        }

        return null;
    }

    public bool Verify(string password, string hash)
    {
        if (Check(hash) is not null)
        {
            return false;
        }

        var type = hash.StartsWith("$argon2id$", StringComparison.Ordinal) ? Argon2Native.TypeId : Argon2Native.TypeI;
        var encoded = Encoding.ASCII.GetBytes(hash + "\0");
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            // libargon2 recomputes with the string's parameters and compares in constant time.
            return Argon2Native.Verify(encoded, bytes, (nuint)bytes.Length, type) == Argon2Native.Ok;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static string Hash(string password, Argon2Parameters parameters)
    {
        var salt = RandomNumberGenerator.GetBytes((int)parameters.SaltLength);
        var bytes = Encoding.UTF8.GetBytes(password);
        var length = Argon2Native.EncodedLength(parameters.Iterations, parameters.MemoryKiB, parameters.Parallelism,
            parameters.SaltLength, parameters.KeyLength, Argon2Native.TypeId);
        var encoded = new byte[(int)length];
        try
        {
            var rc = Argon2Native.HashEncodedId(parameters.Iterations, parameters.MemoryKiB, parameters.Parallelism,
                bytes, (nuint)bytes.Length, salt, (nuint)salt.Length, parameters.KeyLength, encoded, length);
            if (rc != Argon2Native.Ok)
            {
                throw new CryptographicException($"argon2id_hash_encoded failed with code {rc}");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }

        return Encoding.ASCII.GetString(encoded, 0, Array.IndexOf(encoded, (byte)0));
    }

    /// <summary>Whether a stored argon2 hash was made with other parameters than the configured ones.</summary>
    public static bool Differs(string hash, Argon2Parameters parameters)
    {
        var phc = PhcString.TryParse(hash);
        return phc is null || phc.Id != "argon2id" || phc.Version != 19
            || phc.Long("m") != parameters.MemoryKiB || phc.Long("t") != parameters.Iterations || phc.Long("p") != parameters.Parallelism
            || phc.Salt.Length != parameters.SaltLength || phc.Hash.Length != parameters.KeyLength;
    }
}
