// SPDX-License-Identifier: Apache-2.0
using Tessera.RateLimiting;

namespace Tessera.Tests.RateLimiting;

public sealed class SlidingWindowCountTests
{
    private const long Window = 60_000;
    private const long Start = 1_000 * Window;

    [Fact]
    public void Estimate_WeighsThePreviousWindowByWhatRemainsOfIt()
    {
        var count = new SlidingWindowCount(Start, Current: 4, Previous: 10);

        count.Estimate(Start + (Window / 4), Window).ShouldBe(4 + 7.5);
    }

    [Fact]
    public void Estimate_AfterOneWindow_CurrentBecomesPrevious_AfterTwo_Nothing()
    {
        var count = new SlidingWindowCount(Start, Current: 10, Previous: 3);

        count.Estimate(Start + Window + (Window / 2), Window).ShouldBe(5);
        count.Estimate(Start + (2 * Window), Window).ShouldBe(0);
    }

    [Fact]
    public void TimeUntilAtMost_WhenThisWindowAloneIsOver_WaitsIntoTheNextWindow()
    {
        var count = new SlidingWindowCount(Start, Current: 10, Previous: 0);
        var now = Start + 1_000;

        var wait = count.TimeUntilAtMost(9, now, Window);

        // previous 10 × (1 − f) ≤ 9 from f = 0.1 of the next window.
        wait.TotalMilliseconds.ShouldBe(Window - 1_000 + (Window / 10));
        count.Estimate(now + (long)wait.TotalMilliseconds, Window).ShouldBeLessThanOrEqualTo(9);
    }

    [Fact]
    public void TimeUntilAtMost_WhenThePreviousWindowTipsItOver_WaitsWithinThisWindow()
    {
        var count = new SlidingWindowCount(Start, Current: 5, Previous: 10);
        var now = Start;

        var wait = count.TimeUntilAtMost(9, now, Window);

        wait.TotalMilliseconds.ShouldBe(Window * 0.6);
        count.Estimate(now + (long)wait.TotalMilliseconds, Window).ShouldBeLessThanOrEqualTo(9);
    }

    [Fact]
    public void TimeUntilAtMost_UnderTheTarget_IsZero() =>
        new SlidingWindowCount(Start, 1, 0).TimeUntilAtMost(9, Start, Window).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void AlignedStart_IsAMultipleOfTheWindow() =>
        SlidingWindowCount.AlignedStart(Start + 12_345, Window).ShouldBe(Start);
}
