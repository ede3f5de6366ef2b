// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Errors;

namespace Tessera.Hosting;

/// <summary>
/// Enforces <c>serve.public.request_headers_limit</c> and, for bodies that announce their length,
/// <c>serve.public.request_body_limit</c>, answering with catalog errors. Kestrel's own header limit is set well
/// above ours (<see cref="ListenerRegistration"/>) because Kestrel answers 431 with an empty body, which tells an
/// operator nothing; bodies without a length are cut by Kestrel's body limit while being read (413, same entry).
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, ServeOptions serve, ErrorResponseWriter writer)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headerBytes = HeaderBytes(context.Request.Headers);
        if (headerBytes > serve.RequestHeadersLimit)
        {
            return writer.WriteAsync(context, RequestErrors.HeadersTooLarge(headerBytes, serve.RequestHeadersLimit));
        }

        if (context.Request.ContentLength > serve.RequestBodyLimit)
        {
            return writer.WriteAsync(context, RequestErrors.PayloadTooLarge(serve.RequestBodyLimit));
        }

        return next(context);
    }

    // As on the wire: "name: value\r\n" per value.
    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                total += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return total;
    }
}
