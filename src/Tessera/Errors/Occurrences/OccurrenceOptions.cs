// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Errors.Occurrences;

/// <summary>
/// <c>errors.occurrences.*</c> (Tessera's own keys): whether the error ids and UI message ids users meet, and the
/// flow funnel, are stored for the console's error dashboard (<c>enabled</c>, default on), how long they are kept
/// (<c>lifespan</c>, default 7 days, deleted by the cleanup pass) and how many may wait in memory for the background
/// writer (<c>buffer_size</c>; when full, further ones are dropped and counted, never waited for).
/// </summary>
internal sealed record OccurrenceOptions(bool Enabled, TimeSpan Lifespan, int BufferSize)
{
    public static readonly TimeSpan DefaultLifespan = TimeSpan.FromDays(7);

    /// <summary>At most this many rows per multi-row insert.</summary>
    public const int BatchSize = 500;

    public static OccurrenceOptions Bind(ConfigurationTree config) => new(
        config.GetBool("errors.occurrences.enabled", true),
        config.GetDuration("errors.occurrences.lifespan", DefaultLifespan, TimeSpan.FromMinutes(1)),
        config.GetInt("errors.occurrences.buffer_size", 10_000, 1, 1_000_000));
}
