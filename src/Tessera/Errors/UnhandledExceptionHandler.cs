// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Diagnostics;

namespace Tessera.Errors;

/// <summary>
/// Exceptions are bugs or infrastructure faults. They are logged once (the scope carries the request id) and
/// answered with the generic 500, which names the request id and reveals nothing internal.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(ErrorResponseWriter writer, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // The client went away; there is nobody to answer.
        }

        LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.Clear();
        await writer.WriteAsync(httpContext, ErrorCatalog.InternalServerError);
        return true;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception while serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
