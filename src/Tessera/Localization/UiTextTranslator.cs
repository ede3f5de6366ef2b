// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Tessera.Ui.Messages;

namespace Tessera.Localization;

/// <summary>
/// A UI message in another language: same id, type and context (Kratos UIs translate by id), only <c>text</c> changes.
/// The placeholder values are read back from the English text (so they read exactly as in English, including the
/// derived "minutes ago" numbers that the context does not carry) and put into the translated template. A text that
/// does not come from its English template (a schema title, a reason) has nothing to match and stays as it is.
/// </summary>
internal static partial class UiTextTranslator
{
    private static readonly ConcurrentDictionary<int, Regex> EnglishPatterns = new();

    public static UiText Translate(UiText text, string? language)
    {
        if (Translations.Find(language, $"ui.{text.Id}") is not { } template || UiMessages.Find(text.Id) is not { } message)
        {
            return text;
        }

        var values = Values(message, text.Text);
        if (values is null)
        {
            return text;
        }

        var translated = TextTemplate.Render(template, values);
        return translated.Contains('{', StringComparison.Ordinal) && !text.Text.Contains('{', StringComparison.Ordinal)
            ? text // A placeholder the English text did not fill: better English than a half-rendered sentence.
            : text with { Text = translated };
    }

    private static Dictionary<string, object?>? Values(UiMessage message, string english)
    {
        var keys = TextTemplate.Keys(message.Template);
        if (keys.Count == 0)
        {
            return english == message.Template ? [] : null;
        }

        try
        {
            var match = EnglishPatterns.GetOrAdd(message.Id, _ => Pattern(message.Template)).Match(english);
            return match.Success ? keys.ToDictionary(key => key, key => (object?)match.Groups[key].Value) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // "The login flow expired {expired_at_unix_since_minutes:0.00} minutes ago" -> ^The\ login\ flow\ expired\ (?<expired_at_unix_since_minutes>.*?)\ minutes\ ago$
    private static Regex Pattern(string template)
    {
        var pattern = new StringBuilder("^");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var last = 0;
        foreach (Match placeholder in Placeholder().Matches(template))
        {
            pattern.Append(Regex.Escape(template[last..placeholder.Index]));
            var key = placeholder.Groups["key"].Value;
            pattern.Append(seen.Add(key) ? $"(?<{key}>.*?)" : $"\\k<{key}>");
            last = placeholder.Index + placeholder.Length;
        }

        pattern.Append(Regex.Escape(template[last..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(@"\{(?<key>[a-z_]+)(:(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();
}
