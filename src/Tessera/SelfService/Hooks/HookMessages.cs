// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.SelfService.Hooks;

/// <summary>Puts a refusing web hook's messages on the flow's nodes (or the form when no node has the name).</summary>
internal static class HookMessages
{
    public static void AddTo(UiContainer ui, HookOutcome outcome)
    {
        foreach (var message in outcome.Messages ?? [])
        {
            ui.AddMessage(message.Field, message.Text);
        }
    }
}
