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

    /// <summary>
    /// Whether its rows belong to a project (scoped by <c>nid</c>), so the pass runs it once per project; a
    /// deployment-wide task (console sessions) runs once per pass.
    /// </summary>
    bool PerProject => true;

    Task<int> RunAsync(CancellationToken cancellationToken);
}
