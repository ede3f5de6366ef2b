// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting;

/// <summary>
/// Background work (the janitor, the courier) begins only once the server has started: when start-up stops on
/// bad configuration or a port in use, the host is torn down before that, and work already running would fail
/// against disposed services and log stack traces on top of the one useful line.
/// </summary>
internal static class ApplicationStart
{
    /// <summary>Completes when the application has started; false when stopping came first.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult(true));
        await using var onStopping = stoppingToken.Register(() => started.TrySetResult(false));
        return await started.Task;
    }
}
