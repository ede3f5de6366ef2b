// SPDX-License-Identifier: Apache-2.0
using System.Text.Encodings.Web;
using System.Text.Json;
using Tessera.Errors;
using Tessera.Localization;
using Tessera.Ui.Messages;
using Tessera.Ui.Texts;

namespace Tessera.Tests.Localization;

/// <summary>
/// The catalogs are complete: English mirrors every text in the code (UI messages, page texts, error messages and
/// every catalog entry's cause and resolution), and
/// every other language has exactly English's keys with the same placeholders. A message added anywhere without its
/// translations fails here, naming the keys.
/// </summary>
public sealed class MessageCatalogTests
{
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Translated => new(Languages.All.Where(l => l != Languages.English));

    [Fact]
    public void English_MirrorsTheTextsInTheCode()
    {
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in UiMessages.All)
        {
            expected[$"ui.{message.Id}"] = message.Template;
        }

        foreach (var text in PageTexts.All)
        {
            expected[text.CatalogKey] = text.English;
        }

        foreach (var entry in ErrorCatalog.All)
        {
            expected[ErrorMessages.Key(entry)] = entry.Message;
            expected[ErrorMessages.CauseKey(entry)] = entry.Cause;
            expected[ErrorMessages.ResolutionKey(entry)] = entry.Resolution;
        }

        if (Environment.GetEnvironmentVariable("TESSERA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryPaths.Source, "Localization", "Catalogs", "en.json"), JsonSerializer.Serialize(expected, Written) + "\n");
        }

        // Regenerate en.json with TESSERA_UPDATE_DOCS=1 and this test when a text in the code changes; then translate.
        var english = Translations.Catalog(Languages.English);
        english.Keys.Except(expected.Keys).ShouldBeEmpty("en.json has keys the code no longer has");
        expected.Keys.Except(english.Keys).ShouldBeEmpty("texts in the code missing from en.json");
        expected.Where(e => english[e.Key] != e.Value).Select(e => e.Key).ShouldBeEmpty("en.json texts that differ from the code");
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void EveryLanguage_HasExactlyTheEnglishKeys(string language)
    {
        var english = Translations.Catalog(Languages.English).Keys.ToHashSet();
        var translated = Translations.Catalog(language).Keys.ToHashSet();

        english.Except(translated).Order(StringComparer.Ordinal).ShouldBeEmpty($"{language}.json lacks these messages");
        translated.Except(english).Order(StringComparer.Ordinal).ShouldBeEmpty($"{language}.json has messages English does not");
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void EveryTranslation_UsesTheEnglishPlaceholders(string language)
    {
        var english = Translations.Catalog(Languages.English);
        var wrong = Translations.Catalog(language)
            .Where(t => english.TryGetValue(t.Key, out var source)
                && !TextTemplate.Keys(source).Order(StringComparer.Ordinal).SequenceEqual(TextTemplate.Keys(t.Value).Order(StringComparer.Ordinal)))
            .Select(t => t.Key);

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void EveryKratosMessageWithAText_IsTranslated(string language)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "kratos-messages.json")));
        var ids = document.RootElement.EnumerateArray()
            .Where(m => m.GetProperty("text").ValueKind == JsonValueKind.String)
            .Select(m => m.GetProperty("id").GetInt32())
            .ToList();

        ids.Count.ShouldBeGreaterThan(150);
        ids.Where(id => Translations.Find(language, $"ui.{id}") is null).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Translations_AreWrittenInTheLanguage(string language)
    {
        // Not a copy of English: the sentences (texts with a space and no placeholder-only content) all differ.
        var english = Translations.Catalog(Languages.English);
        var copied = Translations.Catalog(language)
            .Where(t => t.Value.Contains(' ', StringComparison.Ordinal) && t.Value == english[t.Key])
            .Select(t => t.Key);

        copied.ShouldBeEmpty();
    }
}
