// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>One counted event a reservation holds: where it was counted, so a release takes back exactly it.</summary>
internal sealed record RateLimitHold(RateLimitScope Scope, string Bucket, string KeyHash, long WindowStart, long WindowMs);
