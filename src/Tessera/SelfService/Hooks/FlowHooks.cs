// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// What a flow service calls at its hook points: the configured chain for the point, run by
/// <see cref="HookRunner"/>; the chains are the request's project's. One dependency for the flow services, which already have enough.
/// </summary>
internal sealed class FlowHooks(ProjectOptions<HookConfiguration> configuration, HookRunner runner)
{
    public HookChain After(FlowKind kind, string method) => configuration.Value.After(kind, method);

    /// <summary><c>before.hooks</c>, run while a flow is created (before it is stored): an error when one stops it.</summary>
    public async Task<TesseraError?> BeforeAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        var chain = configuration.Value.Before(flow.Kind);
        if (chain.Hooks.Count == 0)
        {
            return null;
        }

        var result = await runner.RunAsync(chain, new HookContext(context, flow, null), cancellationToken);
        return result.Stopped?.Error;
    }

    public Task<HookChainResult> RunAsync(HookChain chain, HttpContext context, Flow flow, Identity? identity, CancellationToken cancellationToken) =>
        chain.Hooks.Count == 0
            ? Task.FromResult(HookChainResult.Continue)
            : runner.RunAsync(chain, new HookContext(context, flow, identity), cancellationToken);

    public Task AfterSignInAsync(HookChain chain, Guid identityId, Guid sessionId, CancellationToken cancellationToken) =>
        runner.AfterSignInAsync(chain, identityId, sessionId, cancellationToken);
}
