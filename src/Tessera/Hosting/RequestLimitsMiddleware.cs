// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Features;
using Tessera.Configuration;
using Tessera.Errors;

namespace Tessera.Hosting;

/// <summary>
/// Enforces <c>serve.public.request_headers_limit</c>, at most <see cref="MaxHeaderCount"/> header fields, at most
/// <see cref="MaxTargetBytes"/> of path and query, credentials headers in printable ASCII and, for bodies that announce
/// their length, <c>serve.public.request_body_limit</c>, answering with catalog errors. Kestrel's own limits are set
/// well above these (<see cref="ListenerRegistration"/>) because Kestrel answers 431, 414 and 400 itself with an empty
/// body and no request id, which tells a client and an operator nothing; bodies without a length are cut by
/// Kestrel's body limit while being read (413, same entry).
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, ServeOptions serve, ErrorResponseWriter writer)
{
    /// <summary>Kestrel's own default; Kestrel's limit is raised to <see cref="ListenerRegistration.KestrelMaxHeaderCount"/>.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>Path and query (the request target): Kestrel's default request-line size, now enforced here.</summary>
    public const int MaxTargetBytes = 8 * 1024;

    // Headers that carry credentials: bytes outside printable ASCII there are never a valid token (Kestrel reads them
    // as Latin-1, see ListenerRegistration), so they get a 400 naming the header instead of a lookup that cannot match.
    private static readonly string[] CredentialHeaders = ["Authorization", "X-Session-Token"];

    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (target.Length > MaxTargetBytes)
        {
            return writer.WriteAsync(context, RequestErrors.UriTooLong(target.Length, MaxTargetBytes));
        }

        if (context.Request.Headers.Count > MaxHeaderCount)
        {
            return writer.WriteAsync(context, RequestErrors.HeaderCountTooLarge(context.Request.Headers.Count, MaxHeaderCount));
        }

        foreach (var name in CredentialHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var values) && values.Any(v => v is not null && !IsPrintableAscii(v)))
            {
                return writer.WriteAsync(context, RequestErrors.Malformed($"the {name} header is not printable ASCII"));
            }
        }

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

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');

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
