// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>
/// How a browser flow's caller wants answers: an HTML browser navigating (303 redirects to the UI) or a script
/// (JSON). Kratos's rule: a request that sends or accepts JSON gets JSON.
/// </summary>
internal static class FlowClient
{
    public static bool WantsJson(HttpRequest request)
    {
        var contentType = request.ContentType ?? string.Empty;
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Value is { } type
            && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            && a.Quality is not 0);
    }
}
