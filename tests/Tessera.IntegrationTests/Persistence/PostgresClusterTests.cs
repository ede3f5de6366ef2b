// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Persistence;

/// <summary>The test fixture's own promise: no PostgreSQL cluster outlives its owner, however the owner ends.</summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public async Task Dispose_AfterUse_LeavesNoProcessAndNoFolder()
    {
        var cluster = await PostgresCluster.StartNewAsync();
        await cluster.CreateDatabaseAsync();
        cluster.HasRunningProcesses().ShouldBeTrue();

        await cluster.DisposeAsync();

        cluster.HasRunningProcesses().ShouldBeFalse();
        Directory.Exists(cluster.Folder).ShouldBeFalse();
    }

    [Fact]
    public async Task Watchdog_WhenTheOwnerIsKilled_StopsTheClusterAndRemovesItsFolder()
    {
        using var owner = Process.Start("sleep", ["60"]);
        var cluster = await PostgresCluster.StartNewAsync(owner.Id);
        cluster.HasRunningProcesses().ShouldBeTrue();
        File.ReadAllText(Path.Combine(cluster.Folder, PostgresCluster.MarkerFile)).Trim().ShouldBe(owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        owner.Kill();
        await owner.WaitForExitAsync();
        var watch = Stopwatch.StartNew();
        while ((cluster.HasRunningProcesses() || Directory.Exists(cluster.Folder)) && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200);
        }

        cluster.HasRunningProcesses().ShouldBeFalse();
        Directory.Exists(cluster.Folder).ShouldBeFalse();
    }
}
