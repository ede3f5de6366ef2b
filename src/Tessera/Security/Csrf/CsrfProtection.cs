// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.Hosting;

namespace Tessera.Security.Csrf;

/// <summary>
/// Synchronizer-token CSRF protection for browser flows: a random token in an HttpOnly cookie, and the same token
/// in the form's hidden <c>csrf_token</c> field (or the <c>X-CSRF-Token</c> header). A forged cross-site POST
/// carries the cookie but cannot read it, so it cannot supply the matching field.
/// </summary>
internal sealed class CsrfProtection(CookieSettings cookies, PublicUrls urls)
{
    public const string FieldName = "csrf_token";
    public const string HeaderName = "X-CSRF-Token";

    /// <summary>The browser's token, setting the cookie first when it has none (or a malformed one).</summary>
    public string EnsureToken(HttpContext context)
    {
        var existing = CsrfCookie.Read(context.Request);
        if (existing is not null && existing.Length is >= 32 and <= 128)
        {
            return existing;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(CsrfCookie.DefaultName, token, cookies.ToCookieOptions(null));
        return token;
    }

    /// <summary>
    /// Null when the submitted token matches the browser's cookie and the cookie is the one the flow was created
    /// for; otherwise the catalog error saying which check failed.
    /// </summary>
    public TesseraError? Validate(HttpRequest request, string? submitted, string expected)
    {
        var cookie = CsrfCookie.Read(request);
        if (string.IsNullOrEmpty(submitted))
        {
            submitted = request.Headers[HeaderName].ToString();
        }

        var reason = (cookie, submitted) switch
        {
            (null, _) => "The CSRF cookie was not sent with the request: it was blocked, expired, or set for another domain.",
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
