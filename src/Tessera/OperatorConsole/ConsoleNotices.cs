// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// The confirmations an action's redirect may ask for (<c>?done=disabled</c>): a fixed table, so a link can only
/// show one of these texts, never text of its own.
/// </summary>
internal static class ConsoleNotices
{
    public const string QueryParameter = "done";

    private static readonly Dictionary<string, PageText> Texts = new(StringComparer.Ordinal)
    {
        ["disabled"] = PageTexts.ConsoleDisabled,
        ["enabled"] = PageTexts.ConsoleEnabled,
        ["deleted"] = PageTexts.ConsoleDeleted,
        ["recovery_sent"] = PageTexts.ConsoleRecoverySent,
        ["revoked"] = PageTexts.ConsoleRevoked,
        ["resent"] = PageTexts.ConsoleResent,
    };

    public static PageText? Of(HttpRequest request) =>
        request.Query[QueryParameter].FirstOrDefault() is { } key && Texts.TryGetValue(key, out var text) ? text : null;
}
