// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Projects.Overlays;

/// <summary>
/// Before anything reads options: refreshes this node's overlays when they are older than the stated bound. A project
/// whose stored overlay no longer binds (<see cref="ProjectConfigUnusableException"/>, thrown where options are read)
/// is answered here, while the request still knows its endpoint, so a browser is sent to the error UI like for any
/// other catalog error (the exception handler, which sees no endpoint, remains the fallback).
/// </summary>
internal sealed class ProjectOverlayMiddleware(RequestDelegate next, ProjectOverlayRefresher refresher)
{
    public async Task InvokeAsync(HttpContext context, ErrorResponseWriter errors)
    {
        await refresher.RefreshIfDueAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        catch (ProjectConfigUnusableException unusable) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await errors.WriteAsync(context, unusable.Error);
        }
    }
}
