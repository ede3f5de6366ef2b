// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;

namespace Tessera.Security.Secrets;

/// <summary>
/// The HMAC-SHA256 keys of one purpose, one per configured secret: the first signs, all verify (rotation).
/// </summary>
internal sealed class PurposeKeys(IReadOnlyList<byte[]> keys)
{
    public int Count => keys.Count;

    /// <summary>
    /// HMAC-SHA256 of <paramref name="data"/> under each key, the current one first: keys for another primitive (a
    /// cipher's, with <paramref name="data"/> as its label), one per secret, so what an older secret sealed still opens.
    /// </summary>
    public IReadOnlyList<byte[]> SignEach(ReadOnlySpan<byte> data)
    {
        var macs = new byte[keys.Count][];
        for (var i = 0; i < keys.Count; i++)
        {
            macs[i] = HMACSHA256.HashData(keys[i], data);
        }

        return macs;
    }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under the current (first) key.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => HMACSHA256.HashData(keys[0], data);

    /// <summary>
    /// Whether <paramref name="mac"/> is the HMAC of <paramref name="data"/> under any of the keys. Every key is
    /// tried and compared in constant time, so the time taken tells nothing about which key (or how much) matched.
    /// </summary>
    /// <param name="length">The MAC's length when it was truncated to its first bytes (at least 16); the full 32 otherwise.</param>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> mac, int length = HMACSHA256.HashSizeInBytes)
    {
        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var matched = false;
        foreach (var key in keys)
        {
            HMACSHA256.HashData(key, data, actual);
            matched |= CryptographicOperations.FixedTimeEquals(actual[..length], mac);
        }

        return matched;
    }
}
