// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Projects.Overlays;

namespace Tessera.SelfService.Flows;

/// <summary>
/// Decides whether a <c>return_to</c> may be followed. Only URLs on Tessera's own origin, the default return URL's
/// origin, or an entry of <c>selfservice.allowed_return_urls</c> (same scheme and host, path under the entry's path;
/// <c>https://*.example.com</c> allows sub-domains) are accepted: anything else would make Tessera an open redirector.
/// </summary>
internal sealed class ReturnToValidator(ProjectOptions<SelfServiceOptions> options, PublicUrls urls)
{
    private const int MaxLength = 2048;

    /// <summary>The accepted URL (relative ones resolved against the public base URL), null for none, or the catalog error.</summary>
    public Result<Uri?> Validate(string? returnTo)
    {
        if (string.IsNullOrWhiteSpace(returnTo))
        {
            return (Uri?)null;
        }

        if (returnTo.Length > MaxLength || !TryResolve(returnTo, out var uri) || !IsAllowed(uri))
        {
            return new TesseraError(ErrorCatalog.SelfServiceFlowReturnToForbidden,
                Details: new Dictionary<string, object?> { ["return_to"] = returnTo.Length > 200 ? returnTo[..200] : returnTo });
        }

        return uri;
    }

    private bool TryResolve(string text, out Uri uri)
    {
        // "//evil.example" is a scheme-relative URL to another host, not a path.
        if (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith("/\\", StringComparison.Ordinal))
        {
            uri = urls.For(text);
            return true;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out uri!) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0;
    }

    private bool IsAllowed(Uri uri)
    {
        if (SameOrigin(uri, urls.BaseUrl) || (options.Value.DefaultBrowserReturnUrl is { } home && SameOrigin(uri, home)))
        {
            return true;
        }

        foreach (var allowed in options.Value.AllowedReturnUrls)
        {
            var wildcard = allowed.Host.StartsWith("wildcard.", StringComparison.Ordinal);
            var host = wildcard ? allowed.Host["wildcard.".Length..] : allowed.Host;
            var hostMatches = wildcard
                ? uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase)
                : string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase);
            if (hostMatches && uri.Scheme == allowed.Scheme && uri.Port == allowed.Port
                && uri.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
}
