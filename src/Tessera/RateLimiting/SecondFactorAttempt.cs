// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.RateLimiting;

/// <summary>A reserved second-factor check, or the 429 that refused it (<see cref="Refusal"/>; nothing kept).</summary>
internal sealed record SecondFactorAttempt(RateLimitReservation Reservation, TesseraError? Refusal);
