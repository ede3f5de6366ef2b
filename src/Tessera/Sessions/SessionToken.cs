// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Sessions;

/// <summary>
/// Opaque bearer secrets: 256 random bits with a recognisable prefix (so secret scanners can find leaked ones),
/// stored only as their SHA-256 hash. Looking a session up by hash means the secret itself is never compared.
/// </summary>
internal static class SessionToken
{
    public const string SessionPrefix = "ory_st_";
    public const string LogoutPrefix = "ory_lo_";

    /// <summary>Longer than any token we issue; anything longer is rejected before touching the database.</summary>
    public const int MaxLength = 128;

    public static string NewSessionToken() => SessionPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The session's logout token, derived one-way from the session token: whoever holds the session can always
    /// obtain it again (the browser logout URL), and holding it reveals nothing that signs in.
    /// </summary>
    public static string LogoutTokenFor(string sessionToken) =>
        LogoutPrefix + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes("tessera-logout:" + sessionToken)));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsPlausible(string? token) => !string.IsNullOrEmpty(token) && token.Length <= MaxLength;
}
