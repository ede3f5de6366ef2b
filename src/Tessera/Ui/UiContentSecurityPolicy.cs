// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.Ui;

/// <summary>
/// The built-in pages' Content-Security-Policy: nothing loads but the inline stylesheet, data: images and Tessera's own
/// scripts (webauthn.js for passkeys; never inline script), no page
/// frames them, and forms post only to Tessera itself or, because browsers apply <c>form-action</c> to the
/// redirects that follow a submission, to the places a finished flow may send the browser: the configured return
/// origins (<c>selfservice.allowed_return_urls</c>, <c>selfservice.default_browser_return_url</c>), the flows'
/// UI URLs (the request's project's: an overlay may set them) and the social sign-in providers the request's project offers (their issuer and authorization URL), plus what one page adds for its own forms (<see cref="AllowFormTargets"/>: the consent page, whose answer
/// ends at the OAuth2 client's redirect URI).
/// </summary>
internal static class UiContentSecurityPolicy
{
    public const string HeaderName = "Content-Security-Policy";

    private static readonly object FormTargetsKey = new();

    /// <summary>Lets this response's forms also lead to the origins of <paramref name="urls"/> (absolute URLs; others are ignored).</summary>
    public static void AllowFormTargets(HttpContext context, IEnumerable<string> urls) =>
        context.Items[FormTargetsKey] = urls
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? Origin(parsed) : null)
            .OfType<string>()
            .ToList();

    public static string For(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<ProjectOptions<SelfServiceOptions>>().Value;
        var origins = new SortedSet<string>(StringComparer.Ordinal) { Origin(services.GetRequiredService<PublicUrls>().BaseUrl) };
        foreach (var url in options.AllowedReturnUrls.Append(options.DefaultBrowserReturnUrl).Concat(options.Flows.Values.Select(f => f.UiUrl)))
        {
            if (url is not null)
            {
                // allowed_return_urls may hold "*.example.com" (parsed as wildcard.example.com): CSP writes it as *.example.com.
                origins.Add(Origin(url).Replace("://wildcard.", "://*.", StringComparison.Ordinal));
            }
        }

        // Social sign-in (issue 19): the provider button's submission is redirected to the provider's authorization page.
        foreach (var provider in services.GetService<ProjectOptions<OidcOptions>>()?.Value.Offered ?? [])
        {
            foreach (var url in new[] { provider.AuthUrl, provider.IssuerUrl }.OfType<Uri>())
            {
                origins.Add(Origin(url));
            }
        }

        if (context.Items[FormTargetsKey] is List<string> targets)
        {
            origins.UnionWith(targets);
        }

        return $"default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self' {string.Join(' ', origins)}";
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
