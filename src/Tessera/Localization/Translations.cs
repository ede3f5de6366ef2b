// SPDX-License-Identifier: Apache-2.0
using System.Collections.Frozen;
using System.Text.Json;

namespace Tessera.Localization;

/// <summary>
/// The message catalogs, one JSON object per language embedded from <c>Localization/Catalogs/&lt;language&gt;.json</c>:
/// <c>ui.&lt;message id&gt;</c> (UI message templates, with the English placeholders), <c>page.&lt;name&gt;</c> (the built-in
/// pages) and <c>error.&lt;error id&gt;</c> (catalog messages). <c>en.json</c> mirrors the English texts in the code
/// (a test keeps them equal) for translators; every language has exactly its keys (another test).
/// Written by people, read once; nothing is translated at run time.
/// </summary>
internal static class Translations
{
    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Catalogs = new(Load);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, or null (English or no translation).</summary>
    public static string? Find(string? language, string key) =>
        language is null || language == Languages.English || !Catalogs.Value.TryGetValue(language, out var catalog)
            ? null
            : catalog.GetValueOrDefault(key);

    /// <summary>A language's whole catalog, as embedded.</summary>
    public static IReadOnlyDictionary<string, string> Catalog(string language) => Catalogs.Value[language];

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load() =>
        Languages.All.ToFrozenDictionary(language => language, language =>
        {
            using var stream = typeof(Translations).Assembly.GetManifestResourceStream($"localization/{language}.json")
                ?? throw new InvalidOperationException($"The message catalog of '{language}' is missing from the assembly.");
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The message catalog of '{language}' is empty.");
            return texts.ToFrozenDictionary(StringComparer.Ordinal);
        });
}
