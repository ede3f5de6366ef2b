// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities.Schemas;

/// <summary>Loads every configured schema before the listeners open, so a broken schema stops the start, not a request.</summary>
internal sealed class IdentitySchemaWarmup(IdentitySchemaRegistry registry, IdentityOptions deployment) : IHostedService
{
    // The file/env configuration's schemas, whatever project a start-up task happens to run in.
    public async Task StartAsync(CancellationToken cancellationToken) => await registry.LoadAsync(deployment, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
