// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.Identities.Schemas;

/// <summary>
/// Validation messages grouped per field, as the admin API returns them in <c>error.details.messages</c>:
/// <c>[{"pointer": "#/traits/email", "name": "traits.email", "messages": [{"id": 4000002, ...}]}]</c>.
/// </summary>
internal sealed record TraitMessageGroups(string Pointer, string Name, IReadOnlyList<UiText> Messages)
{
    public static IReadOnlyList<TraitMessageGroups> From(IEnumerable<TraitMessage> messages) =>
        messages.GroupBy(m => (m.Pointer, m.Name))
            .Select(g => new TraitMessageGroups(g.Key.Pointer, g.Key.Name, g.Select(m => m.Message).ToList()))
            .ToList();
}
