// SPDX-License-Identifier: Apache-2.0
namespace Tessera.RateLimiting;

/// <summary>One budget a bucket's event is counted in: the project's or its workspace's, with that scope's limits.</summary>
internal sealed record RateLimitCounter(RateLimitScope Scope, RateLimitBucket Limits)
{
    public long WindowMs => (long)Limits.Window.TotalMilliseconds;

    /// <summary>The IETF draft's quota policy: <c>limit;w=window-seconds</c>.</summary>
    public string Policy => $"{Limits.Limit};w={(long)Limits.Window.TotalSeconds}";
}
