// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// One attempt counted before it is made (<see cref="RateLimiter.TryReserveAsync"/>). Allowed: it stays counted (a
/// failure) unless the caller releases it (<see cref="RateLimiter.ReleaseAsync"/>). Refused: it was already taken back.
/// <see cref="WindowStart"/> is the window the event was counted in, so a release takes back exactly this event even
/// after the window has rolled.
/// </summary>
internal sealed record RateLimitReservation(RateLimitDecision Decision, string? Bucket = null, string? KeyHash = null, long WindowStart = 0)
{
    /// <summary>Allowed without counting (limits off).</summary>
    public static RateLimitReservation Unlimited { get; } = new(RateLimitDecision.Allow);

    public bool Allowed => Decision.Allowed;
}
