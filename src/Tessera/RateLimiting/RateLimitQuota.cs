// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// What the IETF draft's headers say about the budget closest to exhaustion (draft-ietf-httpapi-ratelimit-headers):
/// its <see cref="Limit"/>, the events <see cref="Remaining"/> in it, <see cref="ResetSeconds"/> until it resets (the
/// end of the counting window; on a refusal, the <c>Retry-After</c>), and <see cref="Policy"/>, every budget that
/// applied (<c>10;w=60, 100;w=60</c>, project first).
/// </summary>
internal sealed record RateLimitQuota(string Scope, int Limit, int Remaining, int ResetSeconds, string Policy);
