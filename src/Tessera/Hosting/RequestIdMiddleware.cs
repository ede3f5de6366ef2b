// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using Tessera.Logging;

namespace Tessera.Hosting;

/// <summary>
/// Every request has an id: the caller's <c>X-Request-Id</c> when it is a sane token, a new random one otherwise.
/// It is echoed on the response, used as <c>error.request</c>, and carried by every log line of the request.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName].ToString();
        var id = IsAcceptable(supplied) ? supplied : NewId();
        context.TraceIdentifier = id;
        context.Response.Headers[HeaderName] = id;
        using (logger.BeginScope(new RequestLogScope(id)))
        {
            await next(context);
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    // Only visible ASCII without separators a log or header parser could trip over: the id is echoed verbatim.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => c is > ' ' and < '\u007f' and not '"' and not '\\' and not ',');
}
