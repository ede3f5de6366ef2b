// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Request-rate limits.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor RateLimitExceeded = new(
        "rate_limit_exceeded", 429,
        "Too many requests.",
        "Too many requests were sent; retry after {retry_after_seconds} seconds.",
        "The caller exceeded the request rate allowed for this endpoint. Each bucket (`details.bucket`) counts per key (client address, identifier or identity) within each project, and within the project's workspace too when the workspace sets an aggregate limit for it; `details.scope` says which budget ran out: `project` or `workspace` (all of the workspace's projects together). Under load this is typically a client retrying in a tight loop.",
        "Wait for the number of seconds in the Retry-After header (also RateLimit-Reset; RateLimit-Limit, RateLimit-Remaining and RateLimit-Policy, e.g. `10;w=60`, describe the budget on every limited answer), then retry with exponential back-off and jitter. Cache answers that allow it (whoami) instead of asking again. If legitimate load binds, raise the bucket: the project's `rate_limits.buckets.<bucket>` (configuration or the project's overlay) for scope `project`, the workspace's limits (`PATCH /admin/workspaces/{id}`) for scope `workspace`.",
        "A request answers 429 Too Many Requests with a Retry-After header");
}
