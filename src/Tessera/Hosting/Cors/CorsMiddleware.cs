// SPDX-License-Identifier: Apache-2.0
using Microsoft.Net.Http.Headers;

namespace Tessera.Hosting.Cors;

/// <summary>
/// Cross-origin resource sharing per listener, as Kratos does it (rs/cors): a preflight (<c>OPTIONS</c> with
/// <c>Access-Control-Request-Method</c>) is answered here with 204 and never reaches an endpoint or the database;
/// its CORS headers are present only when the origin, method and headers are allowed. Other requests from an
/// allowed origin get their headers as the response starts, so errors (404, 400, 503) carry them too: a browser
/// shows a script the error only when they are there.
/// </summary>
internal sealed partial class CorsMiddleware(RequestDelegate next, CorsPolicies policies, ILogger<CorsMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var options = policies.For(SurfaceGuardMiddleware.CurrentSurface(context));
        if (options is null)
        {
            return next(context);
        }

        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        if (HttpMethods.IsOptions(request.Method) && !string.IsNullOrEmpty(request.Headers.AccessControlRequestMethod))
        {
            Preflight(context, options, origin);
            return Task.CompletedTask;
        }

        context.Response.OnStarting(static state =>
        {
            var (context, options, origin, middleware) = ((HttpContext, CorsOptions, string, CorsMiddleware))state;
            var headers = context.Response.Headers;
            headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            if (origin.Length > 0 && middleware.AllowOrigin(headers, options, origin) && options.ExposedHeaders.Length > 0)
            {
                headers.AccessControlExposeHeaders = options.ExposedHeaders;
            }

            return Task.CompletedTask;
        }, (context, options, origin, this));
        return next(context);
    }

    private void Preflight(HttpContext context, CorsOptions options, string origin)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        headers.Append(HeaderNames.Vary, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        var method = request.Headers.AccessControlRequestMethod.ToString().ToUpperInvariant();
        var requested = request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!options.AllowedMethods.Contains(method))
        {
            Debug(options, origin, $"method {method} is not in allowed_methods");
            return;
        }

        if (requested.FirstOrDefault(h => !options.AllowedHeaders.Contains(h)) is { } header)
        {
            Debug(options, origin, $"header {header} is not in allowed_headers");
            return;
        }

        if (origin.Length == 0 || !AllowOrigin(headers, options, origin))
        {
            return;
        }

        headers.AccessControlAllowMethods = method;
        if (requested.Length > 0)
        {
            headers.AccessControlAllowHeaders = string.Join(", ", requested);
        }

        if (options.MaxAge > 0)
        {
            headers.AccessControlMaxAge = options.MaxAge.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Sets <c>Access-Control-Allow-Origin</c> when the origin may call: the origin itself (with credentials when
    /// allowed) if it is listed, else <c>*</c> without credentials if <c>*</c> is configured. Cookies are never
    /// granted to "any origin": any site could then act as the signed-in user.
    /// </summary>
    private bool AllowOrigin(IHeaderDictionary headers, CorsOptions options, string origin)
    {
        if (options.Origins.Lists(origin))
        {
            headers.AccessControlAllowOrigin = origin;
            if (options.AllowCredentials)
            {
                headers.AccessControlAllowCredentials = "true";
            }

            return true;
        }

        if (options.Origins.AnyOrigin)
        {
            headers.AccessControlAllowOrigin = "*";
            return true;
        }

        Debug(options, origin, "the origin is not in allowed_origins");
        return false;
    }

    private void Debug(CorsOptions options, string origin, string reason)
    {
        if (options.Debug)
        {
            LogRefused(logger, origin, reason);
        }
    }

    [LoggerMessage(EventId = 1560, Level = LogLevel.Warning, Message = "CORS refused for origin {Origin}: {Reason} (serve.*.cors.debug)")]
    private static partial void LogRefused(ILogger logger, string origin, string reason);
}
