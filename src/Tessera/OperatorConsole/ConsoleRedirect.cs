// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;

namespace Tessera.OperatorConsole;

/// <summary>
/// 303 See Other to a path on the admin listener, after a console form (the browser GETs the page again, so a
/// reload never repeats the action). The path is relative: the admin listener has no configured base URL. A page of one
/// project comes back to that project (<see cref="ConsoleProjectScope.Link"/>).
/// </summary>
internal sealed class ConsoleRedirect(string path) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = ConsoleProjectScope.Find(httpContext)?.Link(path) ?? path;
        httpContext.Response.Headers.CacheControl = SecurityHeadersMiddleware.NoStore;
        return Task.CompletedTask;
    }
}
