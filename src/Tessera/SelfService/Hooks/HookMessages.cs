// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Hooks;

/// <summary>Puts a refusing web hook's messages on the flow's nodes (or the form when no node has the name).</summary>
internal static class HookMessages
{
    /// <summary>
    /// Each message keeps the hook's id, text and context, and names the refusal's catalog entry in its context
    /// (<c>error_id</c>: <c>web_hook_refused</c>), as a refused WebAuthn ceremony's message does, so the error counts.
    /// </summary>
    public static void AddTo(UiContainer ui, HookOutcome outcome)
    {
        foreach (var message in outcome.Messages ?? [])
        {
            ui.AddMessage(message.Field, WithErrorId(message.Text, outcome.Error?.Descriptor.Id));
        }
    }

    private static UiText WithErrorId(UiText text, string? errorId)
    {
        if (errorId is null || text.Context.ContainsKey("error_id"))
        {
            return text;
        }

        var context = new Dictionary<string, object?>(text.Context, StringComparer.Ordinal) { ["error_id"] = errorId };
        return text with { Context = context };
    }
}
