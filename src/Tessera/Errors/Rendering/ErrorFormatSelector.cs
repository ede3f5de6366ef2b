// SPDX-License-Identifier: Apache-2.0
using Microsoft.Net.Http.Headers;
using Tessera.Hosting;

namespace Tessera.Errors.Rendering;

/// <summary>Decides which form an error takes for this request: the one place that looks at Accept for errors.</summary>
internal static class ErrorFormatSelector
{
    public const string ProblemJson = "application/problem+json";

    public static ErrorFormat Select(HttpContext context)
    {
        var accept = context.Request.GetTypedHeaders().Accept;
        if (accept.Any(a => a.MediaType.Equals(ProblemJson, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0))
        {
            return ErrorFormat.ProblemJson;
        }

        if (HydraAdminPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return ErrorFormat.HydraOAuth2;
        }

        return IsBrowserNavigation(context, accept) ? ErrorFormat.ErrorUiRedirect : ErrorFormat.Envelope;
    }

    // Hydra's admin API answers every error as errorOAuth2 (hydra-openapi.json): its SDK's callers read those fields.
    private static readonly string[] HydraAdminPaths = ["/admin/clients", "/admin/keys", "/admin/oauth2"];

    // A browser navigating (it wants HTML and not JSON) to an endpoint of the public API. Requests that matched no
    // endpoint get the envelope: persisting a container for every probe of a random path would let anyone fill the
    // database. Recoverable flow errors never come here: the flows re-render themselves.
    private static bool IsBrowserNavigation(HttpContext context, IList<MediaTypeHeaderValue> accept)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<NoErrorUiRedirectMetadata>() is not null
            || SurfaceGuardMiddleware.CurrentSurface(context) != Surface.Public)
        {
            return false;
        }

        var wantsHtml = accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        var wantsJson = accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        return wantsHtml && !wantsJson;
    }
}
