// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hashing;

/// <summary>Argon2id cost parameters. <see cref="MemoryKiB"/> is argon2's <c>m</c> (kibibytes).</summary>
internal sealed record Argon2Parameters(uint MemoryKiB, uint Iterations, uint Parallelism, uint SaltLength, uint KeyLength);
