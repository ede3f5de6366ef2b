// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>One configured hook: its name, its position in the chain, and for <c>web_hook</c> its settings.</summary>
internal sealed record HookDefinition(string Name, int Index, WebHookConfig? WebHook = null)
{
    /// <summary>A hook whose answer can stop the flow (Kratos: <c>can_interrupt</c> or <c>response.parse</c>).</summary>
    public bool CanInterrupt => WebHook is { Ignore: false } w && (w.CanInterrupt || w.Parse);
}
