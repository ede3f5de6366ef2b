// SPDX-License-Identifier: Apache-2.0
using Tessera.Persistence.Cleanup;

namespace Tessera.IntegrationTests.Persistence;

/// <summary>A cleanup task that deletes nothing and counts how often a pass ran it.</summary>
internal sealed class CountingCleanupTask(string name, bool perProject) : ICleanupTask
{
    private int _runs;

    public string Name => name;

    public bool PerProject => perProject;

    public int Runs => Volatile.Read(ref _runs);

    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(0);
    }
}
