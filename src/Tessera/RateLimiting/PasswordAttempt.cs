// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.RateLimiting;

/// <summary>A password attempt reserved in both brute-force counters, or the 429 that refused it (nothing kept).</summary>
internal sealed record PasswordAttempt(TesseraError? Refusal, RateLimitReservation Narrow, RateLimitReservation Wide)
{
    public static PasswordAttempt Refused(TesseraError refusal) => new(refusal, RateLimitReservation.Unlimited, RateLimitReservation.Unlimited);
}
