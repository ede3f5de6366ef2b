// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.Hosting;

using Tessera.Security.Secrets;

namespace Tessera.Security.Csrf;

/// <summary>
/// Synchronizer-token CSRF protection for browser flows: a random token in an HttpOnly cookie, and the same token
/// in the form's hidden <c>csrf_token</c> field (or the <c>X-CSRF-Token</c> header). A forged cross-site POST
/// carries the cookie but cannot read it, so it cannot supply the matching field.
/// <para>
/// The cookie is <c>&lt;random&gt;.&lt;MAC&gt;</c>, the MAC keyed with a server key (<see cref="SecretPurpose.CsrfCookie"/>): a cookie
/// Tessera did not issue (planted from a sibling subdomain or by script, "cookie tossing") is ignored, so an attacker
/// cannot fix a browser's token to one they know. Forms and flows carry the token masked afresh per response
/// (<see cref="CsrfTokenMask"/>); the raw token and the unmasked form are both accepted on submission.
/// </para>
/// </summary>
internal sealed class CsrfProtection(CookieSettings cookies, CsrfCookie csrfCookie, PublicUrls urls, ServerSecrets secrets)
{
    public const string FieldName = "csrf_token";
    public const string HeaderName = "X-CSRF-Token";
    private const int MacLength = 16;

    /// <summary>The browser's token, setting the cookie first when it has none (or one Tessera did not issue).</summary>
    public string EnsureToken(HttpContext context)
    {
        if (IssuedCookie(context.Request) is { } existing)
        {
            return existing;
        }

        var random = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = $"{random}.{Base64Url.EncodeToString(Mac(secrets.For(SecretPurpose.CsrfCookie).Sign(Encoding.ASCII.GetBytes(random))))}";
        context.Response.Cookies.Append(csrfCookie.Name, token, cookies.ToCookieOptions(null, CsrfCookie.MaxAge));
        return token;
    }

    /// <summary>The request's CSRF cookie when its MAC proves Tessera issued it; null otherwise.</summary>
    public string? IssuedCookie(HttpRequest request)
    {
        var cookie = csrfCookie.Read(request);
        var dot = cookie?.IndexOf('.') ?? -1;
        if (cookie is null || cookie.Length > 128 || dot <= 0 || !Base64Url.IsValid(cookie.AsSpan(dot + 1)))
        {
            return null;
        }

        var presented = Base64Url.DecodeFromChars(cookie.AsSpan(dot + 1));
        var random = cookie[..dot];
        return secrets.For(SecretPurpose.CsrfCookie).Verify(Encoding.ASCII.GetBytes(random), presented, MacLength) ? cookie : null;
    }

    private static byte[] Mac(byte[] fullMac) => fullMac[..MacLength];

    /// <summary>
    /// Null when the submitted token matches the browser's cookie and the cookie is the one the flow was created
    /// for; otherwise the catalog error saying which check failed.
    /// </summary>
    public TesseraError? Validate(HttpRequest request, string? submitted, string expected)
    {
        var cookie = IssuedCookie(request);
        if (string.IsNullOrEmpty(submitted))
        {
            submitted = request.Headers[HeaderName].ToString();
        }

        // Forms carry the token masked (a fresh pad per response); a client may also send the raw token.
        if (cookie is not null && !string.IsNullOrEmpty(submitted) && submitted.Length != cookie.Length)
        {
            submitted = CsrfTokenMask.Unmask(submitted) ?? submitted;
        }

        var reason = (cookie, submitted) switch
        {
            (null, _) => "The CSRF cookie was not sent with the request (blocked, expired, or set for another domain), or Tessera did not issue it.",
            (_, null or "") => "The request did not include the csrf_token field or the X-CSRF-Token header.",
            _ when !FixedTimeEquals(cookie, submitted) => "The csrf_token sent with the request does not match the CSRF cookie.",
            _ when !FixedTimeEquals(cookie, expected) => "The flow was started in another browser (its CSRF token is not this browser's).",
            _ => null,
        };
        return reason is null ? null : Violation(reason);
    }

    private TesseraError Violation(string rejectReason) => new(ErrorCatalog.SecurityCsrfViolation, Details: new Dictionary<string, object?>
    {
        ["reject_reason"] = rejectReason,
        ["docs"] = urls.For(ErrorDocumentationLinks.PagePath(ErrorCatalog.SecurityCsrfViolation)).AbsoluteUri,
        ["hint"] = "Open the form again in this browser and submit it from there; Tessera and the UI must share a cookie domain (cookies.domain).",
    });

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
