// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using Tessera.Sessions;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// Challenges and verifiers: 256 random bits, base64url. Only the SHA-256 hash is stored and looked up, so the
/// database never holds a value that continues a flow, and a lookup by hash compares no secret byte by byte.
/// </summary>
internal static class FlowSecret
{
    /// <summary>Longer than any value we issue; anything longer is refused before touching the database.</summary>
    public const int MaxLength = 128;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => SessionToken.Hash(value);

    public static bool IsPlausible(string? value) => !string.IsNullOrEmpty(value) && value.Length <= MaxLength;
}
