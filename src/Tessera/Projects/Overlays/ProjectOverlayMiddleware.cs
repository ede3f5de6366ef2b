// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Overlays;

/// <summary>Before anything reads options: refreshes this node's overlays when they are older than the stated bound.</summary>
internal sealed class ProjectOverlayMiddleware(RequestDelegate next, ProjectOverlayRefresher refresher)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await refresher.RefreshIfDueAsync(context.RequestAborted);
        await next(context);
    }
}
