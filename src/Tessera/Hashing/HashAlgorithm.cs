// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hashing;

/// <summary>The algorithms new hashes may be made with (<c>hashers.algorithm</c>).</summary>
internal enum HashAlgorithm
{
    Argon2,
    Bcrypt,
}
