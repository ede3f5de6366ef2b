// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// One attempt counted before it is made (<see cref="RateLimiter.TryReserveAsync"/>). Allowed: it stays counted (a
/// failure) in every budget it was counted in (<see cref="Holds"/>: the project's and its workspace's) unless the
/// caller releases it (<see cref="RateLimiter.ReleaseAsync"/>). Refused: it was already taken back everywhere. Each hold
/// keeps the window the event was counted in, so a release takes back exactly this event even after the window rolled.
/// </summary>
internal sealed record RateLimitReservation(RateLimitDecision Decision, IReadOnlyList<RateLimitHold> Holds)
{
    /// <summary>Allowed without counting (limits off).</summary>
    public static RateLimitReservation Unlimited { get; } = new(RateLimitDecision.Allow, []);

    public bool Allowed => Decision.Allowed;
}
