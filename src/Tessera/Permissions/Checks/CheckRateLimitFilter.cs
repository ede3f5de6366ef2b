// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.RateLimiting;

namespace Tessera.Permissions.Checks;

/// <summary>
/// Seed row F1: every check request (single, batch, expand) is counted in the shared <c>permission_checks</c> bucket
/// per client address, so all nodes enforce one limit; above it the answer is 429 with <c>Retry-After</c>. On the
/// route group, so no check endpoint can forget it.
/// </summary>
internal sealed class CheckRateLimitFilter(RateLimiter limiter, ClientAddress clientAddress) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var decision = await limiter.TryAcquireAsync(RateLimitBuckets.PermissionChecks, AddressKey.Of(clientAddress.Of(http)), http.RequestAborted);
        RateLimitHeaders.Write(http.Response, decision);
        return decision.Allowed ? await next(context) : new ErrorResult(RateLimitErrors.Exceeded(decision));
    }
}
