// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>A time window the dashboard shows, cut into equal buckets for its chart: the last hour, day or week.</summary>
internal sealed record DashboardWindow(string Name, TimeSpan Length, int Buckets)
{
    public static readonly DashboardWindow Hour = new("hour", TimeSpan.FromHours(1), 12);
    public static readonly DashboardWindow Day = new("day", TimeSpan.FromDays(1), 24);
    public static readonly DashboardWindow Week = new("week", TimeSpan.FromDays(7), 28);

    public static IReadOnlyList<DashboardWindow> All { get; } = [Hour, Day, Week];

    public TimeSpan BucketLength => Length / Buckets;

    /// <summary>The window named <paramref name="name"/> (hour, day, week); a day when the name is missing or unknown.</summary>
    public static DashboardWindow Parse(string? name) => All.FirstOrDefault(w => w.Name == name) ?? Day;
}
