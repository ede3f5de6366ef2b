// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;

namespace Tessera.Logging;

/// <summary>
/// One info line per request, as Kratos writes one: method, path, status, duration and request id. The query string
/// is left out whole: it carries flow ids, tokens (<c>?token=</c>) and codes that must not reach a log.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger, RequestLogOptions options, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Checked first so a server logging at warning (or with log.requests: false) pays nothing per request.
        if (!options.Enabled || !logger.IsEnabled(LogLevel.Information) || SkipsHealth(context))
        {
            await next(context);
            return;
        }

        var started = clock.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var elapsedMs = clock.GetElapsedTime(started).TotalMilliseconds;
            LogRequest(logger, context.Request.Method, context.Request.Path, status, elapsedMs, context.TraceIdentifier);
        }
    }

    private bool SkipsHealth(HttpContext context)
    {
        if (!options.PublicSkipsHealth && !options.AdminSkipsHealth)
        {
            return false;
        }

        if (!context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var surface = SurfaceGuardMiddleware.CurrentSurface(context);
        return (surface == Surface.Public && options.PublicSkipsHealth) || (surface == Surface.Admin && options.AdminSkipsHealth);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {DurationMs:0.0} ms request_id={RequestId}")]
    private static partial void LogRequest(ILogger logger, string method, PathString path, int status, double durationMs, string requestId);
}
