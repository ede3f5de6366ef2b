// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Security.Csrf;

/// <summary>
/// The browser's CSRF cookie (synchronizer token pattern): its name and how to read it. The login and registration
/// flows issue it; error containers remember a hash of it to know which browser met an error.
/// </summary>
internal static class CsrfCookie
{
    public const string DefaultName = "csrf_token";

    public static string? Read(HttpRequest request, string name = DefaultName) =>
        request.Cookies.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>
    /// SHA-256 of the cookie value, hex: what may be stored. The value itself is a secret and is never persisted
    /// or logged.
    /// </summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Whether <paramref name="request"/> carries the cookie whose hash is <paramref name="expectedHash"/>, in constant time.</summary>
    public static bool Matches(HttpRequest request, string expectedHash)
    {
        var value = Read(request);
        var actual = Encoding.ASCII.GetBytes(value is null ? new string('0', 64) : Hash(value));
        var expected = Encoding.ASCII.GetBytes(expectedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && value is not null;
    }
}
