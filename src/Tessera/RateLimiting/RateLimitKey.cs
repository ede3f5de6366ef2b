// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.Security.Secrets;

namespace Tessera.RateLimiting;

/// <summary>
/// What is stored for a key: an HMAC-SHA256 of the bucket name and the key under a key derived from the server
/// secret (<see cref="SecretPurpose.RateLimitKeys"/>), so the table never holds a client address, an identifier
/// or a session token, one key's rows in two buckets cannot be joined by value, and a guessed address cannot be
/// confirmed against a row without the secret (a plain hash of 127.0.0.1 is one guess away). Only the current
/// secret is used: rotating it restarts the counts, which are short-lived anyway.
/// </summary>
internal sealed class RateLimitKey(ServerSecrets secrets)
{
    public string Hash(string bucket, string key) =>
        Convert.ToHexStringLower(secrets.For(SecretPurpose.RateLimitKeys).Sign(Encoding.UTF8.GetBytes($"{bucket}\n{key}")));
}
