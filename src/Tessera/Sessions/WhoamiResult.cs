// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;

namespace Tessera.Sessions;

/// <summary>
/// A whoami answer already rendered to JSON (fresh or from <see cref="WhoamiCache"/>). <see cref="CacheHeader"/> says
/// which (row A2): <c>HIT</c> when this node answered from its cache, <c>MISS</c> when it read the database; the
/// meaning of Ory's <c>Ory-Session-Edge-Status</c>, for the node's own cache rather than an edge.
/// </summary>
internal sealed class WhoamiResult(WhoamiCacheEntry entry, bool fromCache) : IResult
{
    public const string IdentityIdHeader = "X-Kratos-Authenticated-Identity-Id";
    public const string CacheHeader = "Tessera-Session-Cache";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers[IdentityIdHeader] = entry.IdentityId.ToString();
        response.Headers[CacheHeader] = fromCache ? "HIT" : "MISS";
        response.Headers.CacheControl = SecurityHeadersMiddleware.NoStore;
        response.ContentLength = entry.Body.Length;
        await response.Body.WriteAsync(entry.Body, httpContext.RequestAborted);
    }
}
