// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hashing;

/// <summary>
/// <c>hashers.*</c> with Kratos's keys and defaults (argon2: 128MB, 1 iteration, 2 x CPUs lanes, 16-byte salt,
/// 32-byte key; bcrypt cost 12), except that Tessera's default algorithm is argon2id.
/// </summary>
internal sealed record HashersOptions(HashAlgorithm Algorithm, Argon2Parameters Argon2, int BcryptCost)
{
    private static readonly Dictionary<string, HashAlgorithm> Algorithms = new(StringComparer.Ordinal)
    {
        ["argon2"] = HashAlgorithm.Argon2,
        ["bcrypt"] = HashAlgorithm.Bcrypt,
    };

    public const int MinimumProductionBcryptCost = 12;

    public static HashersOptions Bind(ConfigurationTree config)
    {
        var memoryText = config.GetString("hashers.argon2.memory", "128MB")!;
        if (!ByteSize.TryParse(memoryText, out var memory) || memory < 8 * 1024 || memory > HashImportLimits.Argon2MaxMemoryKiB * 1024L)
        {
            throw new ConfigurationException("hashers.argon2.memory", $"expected a size between 8KB and {HashImportLimits.Argon2MaxMemoryKiB >> 10}MB such as 128MB, got \"{memoryText}\"");
        }

        var parallelism = (uint)config.GetInt("hashers.argon2.parallelism", 2 * Environment.ProcessorCount, 1, 255);
        var memoryKiB = (uint)(memory / 1024);
        if (memoryKiB < 8 * parallelism)
        {
            throw new ConfigurationException("hashers.argon2.memory", $"must be at least 8KB per lane ({8 * parallelism}KB for parallelism {parallelism})");
        }

        var argon2 = new Argon2Parameters(
            memoryKiB,
            (uint)config.GetInt("hashers.argon2.iterations", 1, 1, HashImportLimits.Argon2MaxIterations),
            parallelism,
            (uint)config.GetInt("hashers.argon2.salt_length", 16, 16, 1024),
            (uint)config.GetInt("hashers.argon2.key_length", 32, 16, 1024));
        return new HashersOptions(
            config.GetEnum("hashers.algorithm", HashAlgorithm.Argon2, Algorithms),
            argon2,
            BindBcryptCost(config));
    }

    /// <summary>
    /// Kratos's schema allows 4..31 (its quickstart uses 8); outside dev mode Kratos raises a cost below 12 to 12,
    /// because a cheap hash of a leaked database is an offline-cracking gift. Same here, and said out loud.
    /// </summary>
    private static int BindBcryptCost(ConfigurationTree config)
    {
        var cost = config.GetInt("hashers.bcrypt.cost", MinimumProductionBcryptCost, 4, 31);
        if (cost >= MinimumProductionBcryptCost || config.GetBool("dev", false))
        {
            return cost;
        }

        config.AddNotice("hashers.bcrypt.cost", $"cost {cost} is below {MinimumProductionBcryptCost} and is raised to {MinimumProductionBcryptCost} outside dev mode (as Kratos does); set dev: true to keep it for tests");
        return MinimumProductionBcryptCost;
    }
}
