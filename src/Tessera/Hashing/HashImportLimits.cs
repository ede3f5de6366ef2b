// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hashing;

/// <summary>
/// The most work one stored hash may demand. An imported hash is verified at every login, so a hash with an
/// absurd cost (bcrypt 31, argon2 with 64 GiB, 10^9 PBKDF2 rounds) would hang logins or exhaust memory: such
/// hashes are refused at import with a reason instead. The limits are well above any sane configuration.
/// </summary>
internal static class HashImportLimits
{
    public const int BcryptMaxCost = 16;
    public const uint Argon2MaxMemoryKiB = 4 * 1024 * 1024;
    public const int Argon2MaxIterations = 64;
    public const uint Argon2MaxParallelism = 255;
    public const ulong Argon2MaxWorkKiB = 8UL * 1024 * 1024;
    public const int Pbkdf2MaxIterations = 5_000_000;
    public const int ScryptMaxCost = 1 << 20;
    public const int ScryptMaxBlockSize = 32;
    public const int ScryptMaxParallelism = 16;
    public const long ScryptMaxMemoryBytes = 1L << 30;
}
