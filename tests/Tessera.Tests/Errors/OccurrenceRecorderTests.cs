// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using Tessera.Errors.Occurrences;

namespace Tessera.Tests.Errors;

public sealed class OccurrenceRecorderTests
{
    [Fact]
    public void Step_FullBuffer_DropsAndCountsWithoutBlocking()
    {
        var recorder = new OccurrenceRecorder(new OccurrenceOptions(true, OccurrenceOptions.DefaultLifespan, 10), TimeProvider.System);
        var flow = Guid.NewGuid();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++)
        {
            recorder.Step("login", flow, FunnelSteps.Submitted);
        }

        watch.Stop();
        recorder.Dropped.ShouldBe(100_000 - 10);
        recorder.Reader.Count.ShouldBe(10);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5)); // nothing waited for room (nobody reads this buffer)
    }

    [Fact]
    public void Step_FullBufferDrained_AcceptsAgain()
    {
        var recorder = new OccurrenceRecorder(new OccurrenceOptions(true, OccurrenceOptions.DefaultLifespan, 1), TimeProvider.System);
        recorder.Step("login", Guid.NewGuid(), FunnelSteps.Submitted);
        recorder.Step("login", Guid.NewGuid(), FunnelSteps.Submitted);

        recorder.Reader.TryRead(out _).ShouldBeTrue();
        recorder.Step("login", Guid.NewGuid(), FunnelSteps.Submitted);

        recorder.Dropped.ShouldBe(1);
        recorder.Reader.TryRead(out var next).ShouldBeTrue();
        next.ShouldBeOfType<FunnelStep>().Step.ShouldBe(FunnelSteps.Submitted);
    }

    [Fact]
    public void Step_Disabled_RecordsNothing()
    {
        var recorder = new OccurrenceRecorder(new OccurrenceOptions(false, OccurrenceOptions.DefaultLifespan, 10), TimeProvider.System);

        recorder.Step("login", Guid.NewGuid(), FunnelSteps.Created);

        recorder.Reader.Count.ShouldBe(0);
        recorder.Dropped.ShouldBe(0);
        recorder.DrainCreated().ShouldBeEmpty();
    }

    [Fact]
    public void CreatedSteps_AreCountedNotBuffered_OneWakeUpUntilTheWriterDrains()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 7, 14, 0, 30, TimeSpan.Zero));
        var recorder = new OccurrenceRecorder(new OccurrenceOptions(true, OccurrenceOptions.DefaultLifespan, 10), clock);

        for (var i = 0; i < 100_000; i++)
        {
            recorder.Step("login", Guid.NewGuid(), FunnelSteps.Created);
        }

        recorder.Step("registration", Guid.NewGuid(), FunnelSteps.Created);
        recorder.Dropped.ShouldBe(0);
        recorder.Reader.Count.ShouldBe(1, "one wake-up for the writer, however many flows were created");
        recorder.Reader.TryRead(out var wake).ShouldBeTrue();
        wake.ShouldBeOfType<CreatedFlowsPending>();
        var minute = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);
        recorder.DrainCreated().OrderBy(c => c.FlowKind).ShouldBe(
            [new CreatedFlows(null, "login", minute, 100_000), new CreatedFlows(null, "registration", minute, 1)]);

        recorder.DrainCreated().ShouldBeEmpty("a drain takes the counts");
        clock.Advance(TimeSpan.FromMinutes(1));
        recorder.Step("login", Guid.NewGuid(), FunnelSteps.Created);
        recorder.Reader.Count.ShouldBe(1, "the first count after a drain wakes the writer again");
        recorder.DrainCreated().ShouldBe([new CreatedFlows(null, "login", minute.AddMinutes(1), 1)]);
    }

    [Fact]
    public async Task CreatedSteps_RacingADrain_AreNeitherLostNorCountedTwice()
    {
        var recorder = new OccurrenceRecorder(new OccurrenceOptions(true, OccurrenceOptions.DefaultLifespan, 10), TimeProvider.System);
        var drained = 0L;
        using var stop = new CancellationTokenSource();
        var drainer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                drained += recorder.DrainCreated().Sum(c => c.Flows);
                await Task.Yield();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                recorder.Step("login", Guid.NewGuid(), FunnelSteps.Created);
            }
        })));
        await stop.CancelAsync();
        await drainer;

        (drained + recorder.DrainCreated().Sum(c => c.Flows)).ShouldBe(400_000);
    }
}
