// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Tessera.Identities.Admin;

/// <summary>The <c>Link</c> header of a list page, as Ory's keyset pagination writes it: <c>rel="first"</c> and, unless last, <c>rel="next"</c>.</summary>
internal static class IdentityListLinks
{
    public static string Build(HttpRequest request, int pageSize, Guid? nextAfter)
    {
        var kept = request.Query.Where(q => q.Key is not ("page_token" or "page_size" or "per_page" or "page"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("page_size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var path = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        var links = new List<string> { $"<{QueryHelpers.AddQueryString(path, kept)}>; rel=\"first\"" };
        if (nextAfter is { } after)
        {
            var next = kept.Append(new KeyValuePair<string, string?>("page_token", IdentityPageToken.Encode(after)));
            links.Add($"<{QueryHelpers.AddQueryString(path, next)}>; rel=\"next\"");
        }

        return string.Join(",", links);
    }
}
