// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Diagnostics;
using Tessera.Persistence;
using Tessera.Projects.Overlays;

namespace Tessera.Errors;

/// <summary>
/// Exceptions are bugs or infrastructure faults. They are logged once (the scope carries the request id) and
/// answered with the generic 500, which names the request id and reveals nothing internal. Some are not
/// faults: a request Kestrel could not read (oversized or malformed body) is the client's 4xx, an unreachable
/// database is a retryable 503 with <c>Retry-After</c>, and a project's stored overlay that no longer binds is
/// <c>project_config_unusable</c>.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(ErrorResponseWriter writer, DatabaseHealth health, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // The client went away; there is nobody to answer.
        }

        TesseraError error;
        if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(logger, bad.StatusCode, httpContext.Request.Method, httpContext.Request.Path);
            error = RequestErrors.FromBadRequest(bad, httpContext);
        }
        else if (exception is ProjectConfigUnusableException unusable)
        {
            // Logged once per (project, version) where it was found, not once per request.
            error = unusable.Error;
        }
        else if (DatabaseFaults.IsRetryable(exception))
        {
            // An outage is logged once per state change by DatabaseHealth, not once per request with a stack trace.
            if (DatabaseFaults.IsOutage(exception))
            {
                health.ReportFailure();
            }

            LogDatabaseFault(logger, httpContext.Request.Method, httpContext.Request.Path);
            error = new TesseraError(ErrorCatalog.ServiceUnavailable)
            {
                RetryAfterSeconds = DatabaseHealth.RetryAfterSeconds,
                Debug = $"{exception.GetType().FullName}: {exception.Message}",
            };
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = new TesseraError(ErrorCatalog.InternalServerError) { Debug = $"{exception.GetType().FullName}: {exception.Message}" };
        }

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.Clear();
        await writer.WriteAsync(httpContext, error);
        return true;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception while serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Unreadable request ({Status}) for {Method} {Path}")]
    private static partial void LogBadRequest(ILogger logger, int status, string method, PathString path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Database unavailable while serving {Method} {Path}: answered 503")]
    private static partial void LogDatabaseFault(ILogger logger, string method, PathString path);
}
