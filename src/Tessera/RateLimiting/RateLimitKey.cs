// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;

namespace Tessera.RateLimiting;

/// <summary>
/// What is stored for a key: SHA-256 of the bucket name and the key, so the table never holds a client address,
/// an identifier or a session token, and one key's rows in two buckets cannot be joined by value.
/// </summary>
internal static class RateLimitKey
{
    public static string Hash(string bucket, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{bucket}\n{key}")));
}
