// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Ui.Messages;

/// <summary>
/// Texts produced from a context rather than stored: <c>{name}</c> or <c>{name:format}</c> placeholders are filled
/// with the context's values (invariant culture). A placeholder without a value stays as written, so a missing
/// context key is visible instead of silently dropped. UI messages and error reasons both render through here.
/// </summary>
internal static partial class TextTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, object?>? context) =>
        context is null || context.Count == 0 ? template : Placeholder().Replace(template, match =>
        {
            var key = match.Groups["key"].Value;
            if (!context.TryGetValue(key, out var value) || value is null)
            {
                return match.Value;
            }

            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            return value switch
            {
                string text => text,
                IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
                IEnumerable<object?> list => string.Join(", ", list),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
            };
        });

    /// <summary>The placeholder names a template uses (for the catalog's invariant tests and the docs).</summary>
    public static IReadOnlyList<string> Keys(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["key"].Value).Distinct().ToList();

    [GeneratedRegex(@"\{(?<key>[a-z_]+)(:(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();
}
