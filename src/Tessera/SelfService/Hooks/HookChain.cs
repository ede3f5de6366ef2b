// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>
/// The hooks of one point (<c>registration.after.password</c>), in configuration order. <see cref="Point"/> is
/// the configuration key without <c>selfservice.flows.</c> and <c>.hooks</c>; the execution log shows it.
/// </summary>
internal sealed record HookChain(string Point, IReadOnlyList<HookDefinition> Hooks)
{
    public bool Has(string name) => Hooks.Any(h => h.Name == name);

    /// <summary>
    /// Registration: the hooks up to and including the last one that can interrupt run before the identity is
    /// stored, so a refusal leaves nothing behind (Kratos issues #2289, #2550); the rest run after. Splitting at
    /// that point keeps the configured order for every hook.
    /// </summary>
    public (HookChain BeforePersist, HookChain AfterPersist) SplitForPersist()
    {
        var last = -1;
        for (var i = 0; i < Hooks.Count; i++)
        {
            if (Hooks[i].CanInterrupt)
            {
                last = i;
            }
        }

        return (this with { Hooks = Hooks.Take(last + 1).ToList() }, this with { Hooks = Hooks.Skip(last + 1).ToList() });
    }
}
