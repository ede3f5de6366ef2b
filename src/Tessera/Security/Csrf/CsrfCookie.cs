// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;
using Tessera.Hosting;

namespace Tessera.Security.Csrf;

/// <summary>
/// The browser's CSRF cookie (synchronizer token pattern): its name and how to read it. The login and registration
/// flows issue it; error containers remember a hash of it to know which browser met an error.
/// <para>
/// The name is Kratos's: <c>csrf_token_</c> and the hex SHA-256 of the public base URL (<c>serve.public.base_url</c>
/// as written, else the listener's URL). Two deployments on one cookie domain (staging and production under
/// example.com) thus never overwrite each other's token, and a UI written for Kratos that looks for the cookie by
/// that name finds it.
/// </para>
/// </summary>
internal sealed class CsrfCookie(PublicUrls urls)
{
    public const string Prefix = "csrf_token_";

    /// <summary>One year, in seconds: nosurf's MaxAge, which Kratos sets.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    // The listener's URL is known only once it is bound; the name is computed on first use and then fixed.
    private readonly Lazy<string> _name = new(() => NameFor(urls.DefaultBaseUrl.OriginalString));

    public string Name => _name.Value;

    public static string NameFor(string publicBaseUrl) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(publicBaseUrl)));

    public string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>
    /// SHA-256 of the cookie value, hex: what may be stored. The value itself is a secret and is never persisted
    /// or logged.
    /// </summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Whether <paramref name="request"/> carries the cookie whose hash is <paramref name="expectedHash"/>, in constant time.</summary>
    public bool Matches(HttpRequest request, string expectedHash)
    {
        var value = Read(request);
        var actual = Encoding.ASCII.GetBytes(value is null ? new string('0', 64) : Hash(value));
        var expected = Encoding.ASCII.GetBytes(expectedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && value is not null;
    }
}
