// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors;

namespace Tessera.Hosting.Pagination;

/// <summary>
/// Reads every admin list's paging parameters the way Kratos does: <c>page_size</c> (default 250, above 1000 taken
/// as 1000) and <c>page_token</c>; or, when neither is present, the deprecated <c>page</c> / <c>per_page</c>. An
/// empty parameter counts as absent; a present one that cannot be read is a 400 naming it, never a default.
/// </summary>
internal static class Paginator
{
    public const int DefaultSize = 250;
    public const int MaxSize = 1000;

    // Far beyond any real list, and small enough that page * per_page never overflows.
    private const long MaxLegacyPage = 1_000_000_000;

    public static Result<PageRequest<TPosition>> Parse<TPosition>(IQueryCollection query, bool legacyAllowed = true)
        where TPosition : class, IPagePosition<TPosition>
    {
        var pageSize = Value(query, "page_size");
        var pageToken = Value(query, "page_token");
        var page = Value(query, "page");
        var perPage = Value(query, "per_page");
        if (legacyAllowed && pageSize is null && pageToken is null && (page is not null || perPage is not null))
        {
            return ParseLegacy<TPosition>(page, perPage);
        }

        if (!TryReadSize(pageSize, out var size))
        {
            return Invalid("page_size", "page_size must be a whole number of at least 1");
        }

        TPosition? after = null;
        if (pageToken is not null)
        {
            after = PageToken.Decode(pageToken) is { } parts ? TPosition.Read(parts) : null;
            if (after is null)
            {
                return UnknownPageToken();
            }
        }

        return new PageRequest<TPosition>(size, after, null);
    }

    private static Result<PageRequest<TPosition>> ParseLegacy<TPosition>(string? page, string? perPage)
        where TPosition : class, IPagePosition<TPosition>
    {
        if (!TryReadSize(perPage, out var size))
        {
            return Invalid("per_page", "per_page must be a whole number of at least 1");
        }

        long number = 0;
        if (page is not null && (!long.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number > MaxLegacyPage))
        {
            return Invalid("page", $"page must be a whole number from 0 to {MaxLegacyPage}");
        }

        return new PageRequest<TPosition>(size, null, number);
    }

    private static bool TryReadSize(string? text, out int size)
    {
        size = DefaultSize;
        if (text is null)
        {
            return true;
        }

        // Kratos takes any larger size as its maximum; digits beyond int range are still a size, just a large one.
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            size = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Math.Min(parsed, MaxSize) : MaxSize;
            return size >= 1;
        }

        return false;
    }

    /// <summary>A well-formed token whose position the list no longer (or never) had.</summary>
    public static TesseraError UnknownPageToken() => Invalid("page_token", "page_token is not a token this API returned");

    private static string? Value(IQueryCollection query, string name) =>
        query[name].FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static TesseraError Invalid(string parameter, string problem) =>
        RequestErrors.Malformed(problem, new Dictionary<string, object?> { ["parameter"] = parameter });
}
