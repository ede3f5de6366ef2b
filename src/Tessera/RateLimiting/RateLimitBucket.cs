// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>One configured limit: at most <see cref="Limit"/> events per key within a sliding <see cref="Window"/>.</summary>
internal sealed record RateLimitBucket(string Name, int Limit, TimeSpan Window, bool Enabled = true);
