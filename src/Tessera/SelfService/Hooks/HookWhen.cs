// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>Before a flow starts (<c>before.hooks</c>) or after it succeeded (<c>after[.method].hooks</c>).</summary>
internal enum HookWhen
{
    Before,
    After,
}
