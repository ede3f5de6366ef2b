// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence.Cleanup;

/// <summary>The cleanup pass every 30 minutes on every node, for as long as <c>serve</c> runs.</summary>
internal sealed class Janitor(CleanupPass pass, TimeProvider clock, IHostApplicationLifetime lifetime) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Hosting.ApplicationStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await pass.RunAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. When start-up fails (a port in use) the host is disposed without being stopped, and an
            // exception leaving here would be logged as a crashed background service on top of the real cause.
        }
    }
}
