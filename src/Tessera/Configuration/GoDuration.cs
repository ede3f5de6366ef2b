// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Configuration;

/// <summary>
/// Parses durations in the form Kratos's configuration uses (Go's time.ParseDuration): a sequence of decimal
/// numbers each with a unit, e.g. <c>1h</c>, <c>30m</c>, <c>1h30m</c>, <c>1.5s</c>, <c>100ms</c>.
/// </summary>
internal static class GoDuration
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s == "0")
        {
            return true;
        }

        double ticks = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = s[unitStart..i];
            var match = Array.FindIndex(Units, u => u.Unit == unit);
            if (match < 0)
            {
                return false;
            }

            ticks += number * Units[match].Ticks;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Formats a duration the way Go prints it (<c>1h0m0s</c> becomes <c>1h</c> here for readability).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>(3);
        if (duration.TotalHours >= 1)
        {
            parts.Add($"{(long)duration.TotalHours}h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add($"{duration.Minutes}m");
        }

        if (duration.Seconds > 0 || duration.Milliseconds > 0)
        {
            parts.Add(duration.Milliseconds > 0
                ? $"{duration.Seconds + (duration.Milliseconds / 1000.0):0.###}s".Replace(',', '.')
                : $"{duration.Seconds}s");
        }

        return string.Concat(parts);
    }
}
