// SPDX-License-Identifier: Apache-2.0
using Tessera.Localization;

namespace Tessera.Ui.Texts;

/// <summary>
/// A text of the built-in pages (a heading, a link, a label), written here in English; its translations are the
/// catalogs' <c>page.&lt;key&gt;</c>. <c>{name}</c> placeholders are filled as UI messages' are.
/// </summary>
internal sealed record PageText(string Key, string English)
{
    public string CatalogKey => $"page.{Key}";

    public string In(string? language) => Translations.Find(language, CatalogKey) ?? English;
}
