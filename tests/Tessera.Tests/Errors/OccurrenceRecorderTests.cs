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
            recorder.Step("login", flow, FunnelSteps.Created);
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
        recorder.Step("login", Guid.NewGuid(), FunnelSteps.Created);
        recorder.Step("login", Guid.NewGuid(), FunnelSteps.Created);

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
    }
}
