// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tessera.Ui.Messages;

/// <summary>
/// One entry of the UI message catalog: Kratos's numeric id and meaning, with a text template whose
/// <c>{name}</c> or <c>{name:format}</c> placeholders are filled from the message context
/// (e.g. <c>{expired_at_unix_since_minutes:0.00}</c>), so the text is produced from the context, not stored.
/// </summary>
internal sealed partial record UiMessage(int Id, UiMessageType Type, string Template)
{
    /// <summary>The message as a flow carries it, rendered for this occurrence.</summary>
    public UiText With(IReadOnlyDictionary<string, object?>? context = null) =>
        new(Id, Render(context), Type.ToString().ToLowerInvariant(), context ?? new Dictionary<string, object?>());

    public string Render(IReadOnlyDictionary<string, object?>? context) =>
        Placeholder().Replace(Template, match =>
        {
            var key = match.Groups["key"].Value;
            if (context is null || !context.TryGetValue(key, out var value) || value is null)
            {
                return match.Value;
            }

            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            return value switch
            {
                IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
                IEnumerable<object?> list => string.Join(", ", list),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
            };
        });

    [GeneratedRegex(@"\{(?<key>[a-z_]+)(:(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();
}
