// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Tessera.Hosting.Pagination;

/// <summary>
/// A list page's headers as Kratos writes them: <c>Link</c> with relative URLs (this path and query, the paging
/// parameters replaced) and, where the list knows it, <c>X-Total-Count</c>. Keyset pages link <c>first</c> and, unless
/// last, <c>next</c> with a <c>page_token</c>; legacy pages link <c>first</c>, <c>prev</c>, <c>next</c> and <c>last</c>
/// by <c>page</c> / <c>per_page</c>.
/// </summary>
internal static class PageHeaders
{
    private static readonly HashSet<string> PagingParameters = ["page_size", "page_token", "page", "per_page"];

    public static void Write<TPosition>(HttpContext context, PageRequest<TPosition> page, TPosition? next, long? total)
        where TPosition : class, IPagePosition<TPosition>
    {
        var request = context.Request;
        var links = page.LegacyPage is { } number
            ? LegacyLinks(request, page.Size, number, next is not null, total)
            : KeysetLinks(request, page.Size, next);
        context.Response.Headers.Link = new StringValues(links.ToArray());
        if (total is { } count)
        {
            context.Response.Headers["X-Total-Count"] = count.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static IEnumerable<string> KeysetLinks<TPosition>(HttpRequest request, int size, TPosition? next)
        where TPosition : class, IPagePosition<TPosition>
    {
        var sizeText = size.ToString(CultureInfo.InvariantCulture);
        yield return Link(request, "first", ("page_size", sizeText));
        if (next is not null)
        {
            yield return Link(request, "next", ("page_size", sizeText), ("page_token", PageToken.Encode(next.Parts)));
        }
    }

    private static IEnumerable<string> LegacyLinks(HttpRequest request, int size, long page, bool hasNext, long? total)
    {
        var perPage = size.ToString(CultureInfo.InvariantCulture);
        string At(string rel, long number) =>
            Link(request, rel, ("page", number.ToString(CultureInfo.InvariantCulture)), ("per_page", perPage));

        yield return At("first", 0);
        if (page > 0)
        {
            yield return At("prev", page - 1);
        }

        if (hasNext)
        {
            yield return At("next", page + 1);
        }

        if (total is { } count)
        {
            yield return At("last", Math.Max(0, (count - 1) / size));
        }
    }

    private static string Link(HttpRequest request, string rel, params (string Name, string Value)[] paging)
    {
        var query = request.Query
            .Where(q => !PagingParameters.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Concat(paging.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)))
            // Sorted by name as Go's url.Values.Encode writes Kratos's links.
            .OrderBy(p => p.Key, StringComparer.Ordinal);
        return $"<{QueryHelpers.AddQueryString(request.PathBase.Add(request.Path).ToUriComponent(), query)}>; rel=\"{rel}\"";
    }
}
