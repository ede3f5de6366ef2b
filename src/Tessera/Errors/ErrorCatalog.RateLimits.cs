// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Request-rate limits.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor RateLimitExceeded = new(
        "rate_limit_exceeded", 429,
        "Too many requests.",
        "Too many requests were sent; retry after {retry_after_seconds} seconds.",
        "The caller exceeded the request rate allowed for this endpoint (flow submissions and API calls are limited per client address, and later per project). Under load this is typically a client retrying in a tight loop.",
        "Wait for the number of seconds in the Retry-After header, then retry with exponential back-off and jitter. Cache answers that allow it (whoami) instead of asking again.",
        "A request answers 429 Too Many Requests with a Retry-After header");
}
