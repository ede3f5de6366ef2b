// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence.Cleanup;

/// <summary>A cleanup task made of a name and a delete: what most domains register.</summary>
internal sealed class CleanupTask(string name, Func<CancellationToken, Task<int>> delete, bool perProject = true) : ICleanupTask
{
    public string Name { get; } = name;

    public bool PerProject { get; } = perProject;

    public Task<int> RunAsync(CancellationToken cancellationToken) => delete(cancellationToken);
}
