// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>
/// Whether an event may proceed; when not, how long until one more would be allowed, and which bucket and scope
/// (<c>project</c> or <c>workspace</c>) refused. <see cref="Quota"/> is for the <c>RateLimit-*</c> headers (null when
/// nothing limited the bucket).
/// </summary>
internal readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);

    public string? Bucket { get; init; }

    public RateLimitQuota? Quota { get; init; }

    /// <summary>Whole seconds for <c>Retry-After</c>, rounded up and at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
