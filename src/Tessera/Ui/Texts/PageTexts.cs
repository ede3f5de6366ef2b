// SPDX-License-Identifier: Apache-2.0
using System.Reflection;

namespace Tessera.Ui.Texts;

/// <summary>
/// Every text of the built-in pages, by page (<c>PageTexts.Flows.cs</c>, <c>PageTexts.Welcome.cs</c>,
/// <c>PageTexts.Errors.cs</c>). UI messages are not here: they are <c>UiMessages</c>, translated by id.
/// </summary>
internal static partial class PageTexts
{
    private static readonly Lazy<IReadOnlyList<PageText>> AllEntries = new(() =>
        typeof(PageTexts).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(PageText))
            .Select(f => (PageText)f.GetValue(null)!)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<PageText> All => AllEntries.Value;
}
