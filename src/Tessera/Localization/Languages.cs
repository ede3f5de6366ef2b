// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Localization;

/// <summary>
/// The languages Tessera's texts are written in: English (the texts in the code, and the fallback), German and
/// French. A language is named by its primary BCP 47 subtag (<c>de</c> for <c>de-DE</c>), the way the catalogs are.
/// </summary>
internal static class Languages
{
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [English, "de", "fr"];

    /// <summary>The supported language a tag names (<c>de-AT</c> -> <c>de</c>), or null for one Tessera has no texts in.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return All.FirstOrDefault(language => language == primary);
    }
}
