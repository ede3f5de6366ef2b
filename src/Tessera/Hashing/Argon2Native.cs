// SPDX-License-Identifier: Apache-2.0
using System.Runtime.InteropServices;

namespace Tessera.Hashing;

/// <summary>
/// The reference Argon2 implementation (Debian's <c>libargon2.so.1</c>, package <c>libargon2-1</c>): it writes and
/// verifies PHC strings exactly as Kratos's Go implementation does, and compares in constant time.
/// </summary>
internal static partial class Argon2Native
{
    public const int Ok = 0;
    public const int VerifyMismatch = -35;
    public const int TypeI = 1;
    public const int TypeId = 2;

    private const string Library = "libargon2.so.1";

    [LibraryImport(Library, EntryPoint = "argon2id_hash_encoded")]
    public static partial int HashEncodedId(
        uint timeCost, uint memoryCost, uint parallelism, byte[] password, nuint passwordLength,
        byte[] salt, nuint saltLength, nuint hashLength, byte[] encoded, nuint encodedLength);

    [LibraryImport(Library, EntryPoint = "argon2_verify")]
    public static partial int Verify(byte[] encoded, byte[] password, nuint passwordLength, int type);

    [LibraryImport(Library, EntryPoint = "argon2_encodedlen")]
    public static partial nuint EncodedLength(uint timeCost, uint memoryCost, uint parallelism, uint saltLength, uint hashLength, int type);
}
