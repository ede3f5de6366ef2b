// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>
/// How a chain ended: <see cref="Stopped"/> is the outcome that stopped the flow (refused or aborted; later hooks
/// did not run, seed D3), or null when the flow goes on; <see cref="IdentityChanged"/> when a parsed answer changed
/// the identity, which the flow must then validate again.
/// </summary>
internal sealed record HookChainResult(HookOutcome? Stopped, bool IdentityChanged)
{
    public static readonly HookChainResult Continue = new(null, false);
}
