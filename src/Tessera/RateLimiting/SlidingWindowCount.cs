// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// A sliding-window counter (the approximation Cloudflare and nginx use): windows are aligned to multiples of the
/// window length; the rate at instant t is <c>previous × (1 − elapsed/window) + current</c>. It needs two integers
/// per key (so one SQL row, updated atomically) and, unlike a fixed window, never lets a client send twice the
/// limit across a window boundary. Instants are Unix milliseconds.
/// </summary>
internal readonly record struct SlidingWindowCount(long WindowStart, int Current, int Previous)
{
    public static long AlignedStart(long nowMs, long windowMs) => nowMs - (((nowMs % windowMs) + windowMs) % windowMs);

    /// <summary>The counts as seen at <paramref name="nowMs"/> (a stored row may be one or more windows old).</summary>
    public SlidingWindowCount At(long nowMs, long windowMs)
    {
        var start = AlignedStart(nowMs, windowMs);
        if (start <= WindowStart)
        {
            return this;
        }

        return start - WindowStart == windowMs ? new(start, 0, Current) : new(start, 0, 0);
    }

    public double Estimate(long nowMs, long windowMs)
    {
        var seen = At(nowMs, windowMs);
        var elapsed = Math.Clamp((double)(nowMs - seen.WindowStart) / windowMs, 0, 1);
        return (seen.Previous * (1 - elapsed)) + seen.Current;
    }

    /// <summary>
    /// How long until the estimate falls to <paramref name="target"/> or below, assuming no further events: the back-off
    /// a refused client is told (<c>Retry-After</c>). At most two windows.
    /// </summary>
    public TimeSpan TimeUntilAtMost(double target, long nowMs, long windowMs)
    {
        var seen = At(nowMs, windowMs);
        if (seen.Estimate(nowMs, windowMs) <= target)
        {
            return TimeSpan.Zero;
        }

        double at;
        if (seen.Current > target)
        {
            // Only once this window's events are the previous window's and decay: previous × (1 − f) ≤ target.
            at = seen.WindowStart + windowMs + (windowMs * (1 - (Math.Max(0, target) / seen.Current)));
        }
        else
        {
            // Within this window: previous × (1 − f) ≤ target − current.
            at = seen.WindowStart + (windowMs * (1 - ((target - seen.Current) / seen.Previous)));
        }

        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(at - nowMs)));
    }
}
