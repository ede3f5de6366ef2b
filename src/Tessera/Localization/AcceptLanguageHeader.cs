// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Localization;

/// <summary>
/// Reads <c>Accept-Language</c> (RFC 9110 12.5.4): the supported language with the highest quality, ties broken by
/// the order written; <c>q=0</c> means "not this one". A malformed entry is skipped, never an error.
/// </summary>
internal static class AcceptLanguageHeader
{
    private const int MaxEntries = 32;

    public static string? Preferred(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var entry in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxEntries))
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries);
            var quality = Quality(parts.Skip(1));
            if (quality > bestQuality && Languages.Match(parts[0]) is { } language)
            {
                best = language;
                bestQuality = quality;
            }
        }

        return best;
    }

    private static double Quality(IEnumerable<string> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1 ? q : 0;
            }
        }

        return 1;
    }
}
