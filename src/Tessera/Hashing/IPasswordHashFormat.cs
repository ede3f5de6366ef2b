// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hashing;

/// <summary>
/// One stored-hash format Tessera can verify (argon2, bcrypt, pbkdf2, scrypt, ASP.NET Core Identity). A real
/// plug point: imports bring hashes from other systems, each format verifies them its own way.
/// </summary>
internal interface IPasswordHashFormat
{
    /// <summary>Whether the string is in this format (by its prefix or shape); says nothing about validity.</summary>
    bool Recognizes(string hash);

    /// <summary>Why this hash cannot be stored (malformed, or costlier than <see cref="HashImportLimits"/>); null when it can.</summary>
    string? Check(string hash);

    /// <summary>Whether the password matches, compared in constant time. Malformed or over-limit hashes never match.</summary>
    bool Verify(string password, string hash);
}
