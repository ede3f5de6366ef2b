// SPDX-License-Identifier: Apache-2.0
using System.Reflection;

namespace Tessera.Ui.Messages;

/// <summary>
/// The UI message catalog, with Kratos's numeric ids and meanings. Each range has its partial file
/// (<c>UiMessages.Validation.cs</c> for 4000xxx, <c>UiMessages.Login.cs</c> for 1010xxx/4010xxx, ...).
/// </summary>
internal static partial class UiMessages
{
    private static readonly Lazy<IReadOnlyList<UiMessage>> AllEntries = new(() =>
        typeof(UiMessages).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(UiMessage))
            .Select(f => (UiMessage)f.GetValue(null)!)
            .OrderBy(m => m.Id)
            .ToList());

    public static IReadOnlyList<UiMessage> All => AllEntries.Value;

    public static UiMessage? Find(int id) => All.FirstOrDefault(m => m.Id == id);
}
