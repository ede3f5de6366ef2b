// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting;

/// <summary>
/// 303 See Other: after a POST the browser must GET the new location (a 302 lets some clients re-POST), and it is
/// how Kratos sends browsers between flows and UIs.
/// </summary>
internal sealed class SeeOtherResult(Uri location) : IResult
{
    public Uri Location { get; } = location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location.AbsoluteUri;
        httpContext.Response.Headers.CacheControl = SecurityHeadersMiddleware.NoStore;
        return Task.CompletedTask;
    }
}
