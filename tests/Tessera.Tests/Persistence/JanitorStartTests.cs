// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Persistence.Cleanup;

namespace Tessera.Tests.Persistence;

/// <summary>
/// The janitor's first pass waits for the server to have started: when start-up stops on bad configuration the
/// host is torn down, and a pass running then failed on disposed services and logged a stack trace (seen in CI).
/// </summary>
public sealed class JanitorStartTests
{
    [Fact]
    public async Task StartUpThatNeverCompletes_RunsNoPass()
    {
        var task = new CountingTask();
        var lifetime = new Lifetime();
        using var janitor = new Janitor(new CleanupPass([task], NullLogger<CleanupPass>.Instance), TimeProvider.System, lifetime);

        await janitor.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        await janitor.StopAsync(CancellationToken.None);

        task.Runs.ShouldBe(0);
    }

    [Fact]
    public async Task StartedServer_RunsThePassAtOnce()
    {
        var task = new CountingTask();
        var lifetime = new Lifetime();
        using var janitor = new Janitor(new CleanupPass([task], NullLogger<CleanupPass>.Instance), TimeProvider.System, lifetime);

        await janitor.StartAsync(CancellationToken.None);
        lifetime.Start();
        await task.FirstRun.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await janitor.StopAsync(CancellationToken.None);

        task.Runs.ShouldBe(1);
    }

    private sealed class CountingTask : ICleanupTask
    {
        private int runs;

        public int Runs => Volatile.Read(ref runs);

        public TaskCompletionSource FirstRun { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "counted things";

        public Task<int> RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            FirstRun.TrySetResult();
            return Task.FromResult(0);
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource started = new();

        public CancellationToken ApplicationStarted => started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => started.Cancel();

        public void StopApplication()
        {
        }
    }
}
