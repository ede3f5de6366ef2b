// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Persistence;

namespace Tessera.Projects.Routing;

/// <summary>
/// Early on the public listener, when <c>serve.public.base_domain</c> is set: serves the rest of the request for the
/// project its Host names (<see cref="NetworkContext.Enter"/>, public URLs on that host, and the match as a request
/// feature for the pages that show the project's name), or answers 404
/// <c>project_host_unknown</c> for a host bound to no project. Health endpoints and the error reference pages (static,
/// no project's data) answer on any host; the admin listener is not routed by host.
/// </summary>
internal sealed class ProjectRoutingMiddleware(RequestDelegate next, ProjectRoutingOptions options, ProjectHostResolver resolver, UnknownHostResponse unknown)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!options.Enabled || SurfaceGuardMiddleware.CurrentSurface(context) != Surface.Public || AnswersOnAnyHost(context.Request.Path))
        {
            await next(context);
            return;
        }

        var host = ProjectHostName.Of(context.Request);
        var match = await resolver.ResolveAsync(host, context.RequestAborted);
        if (match is null)
        {
            await unknown.WriteAsync(context, host);
            return;
        }

        if (match.ProjectId is not { } projectId)
        {
            await next(context);
            return;
        }

        context.Features.Set(match);
        using var project = NetworkContext.Enter(projectId);
        using var urls = PublicUrls.ServeOn(host);
        await next(context);
    }

    private static bool AnswersOnAnyHost(PathString path) =>
        path.Equals("/health/alive", StringComparison.OrdinalIgnoreCase) || path.Equals("/health/ready", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/ui/errors", StringComparison.OrdinalIgnoreCase);
}
