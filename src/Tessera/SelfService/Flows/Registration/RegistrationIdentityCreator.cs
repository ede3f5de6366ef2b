// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Identities.Admin;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>Creates the registering identity around registration's after-hooks (issue 8).</summary>
internal sealed class RegistrationIdentityCreator(IdentityManager identities, FlowHooks hooks)
{
    // Hook points (issue 8): the draft is validated, the after-hooks that can interrupt run on it (a refusal leaves
    // no identity behind), it is stored, then the other after-hooks run. A refusal's messages are put on the flow.
    public async Task<IdentityResult> CreateAsync(HttpContext context, Flow flow, IdentityDraft draft, CancellationToken cancellationToken)
    {
        var (prePersist, postPersist) = hooks.After(FlowKind.Registration, "password").SplitForPersist();
        var prepared = await identities.PrepareNewAsync(draft, cancellationToken);
        if (!prepared.Succeeded)
        {
            return prepared;
        }

        var hooked = await hooks.RunAsync(prePersist, context, flow, prepared.Value, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Error!;
        }

        if (hooked.IdentityChanged && !(prepared = await identities.ReviseAsync(prepared.Value, cancellationToken)).Succeeded)
        {
            return prepared;
        }

        var created = await identities.InsertPreparedAsync(prepared.Value, cancellationToken);
        if (created.Succeeded)
        {
            await hooks.RunAsync(postPersist, context, flow with { IdentityId = created.Value.Id }, created.Value, cancellationToken);
        }

        return created;
    }
}
