// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;

namespace Tessera.Sessions;

/// <summary>A whoami answer already rendered to JSON (fresh or from <see cref="WhoamiCache"/>).</summary>
internal sealed class WhoamiResult(WhoamiCacheEntry entry) : IResult
{
    public const string IdentityIdHeader = "X-Kratos-Authenticated-Identity-Id";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers[IdentityIdHeader] = entry.IdentityId.ToString();
        response.Headers.CacheControl = SecurityHeadersMiddleware.NoStore;
        response.ContentLength = entry.Body.Length;
        await response.Body.WriteAsync(entry.Body, httpContext.RequestAborted);
    }
}
