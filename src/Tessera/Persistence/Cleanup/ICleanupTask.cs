// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence.Cleanup;

/// <summary>
/// One kind of expired data a domain deletes (error containers, flows, sessions, hook executions). Every task is
/// idempotent, so nodes running the pass at the same time only repeat each other's work.
/// </summary>
internal interface ICleanupTask
{
    /// <summary>What is deleted, for logs and the CLI ("error containers").</summary>
    string Name { get; }

    Task<int> RunAsync(CancellationToken cancellationToken);
}
