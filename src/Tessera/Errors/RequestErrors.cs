// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Features;
using Tessera.Configuration;

namespace Tessera.Errors;

/// <summary>The catalog errors for requests the server cannot read, with the context their reasons need.</summary>
internal static class RequestErrors
{
    public static TesseraError PayloadTooLarge(long limitBytes) =>
        ErrorCatalog.PayloadTooLarge.With(new Dictionary<string, object?> { ["limit_bytes"] = limitBytes });

    public static TesseraError Malformed(string problem, IReadOnlyDictionary<string, object?>? details = null) =>
        new(ErrorCatalog.MalformedRequest, Details: details) { Context = new Dictionary<string, object?> { ["problem"] = problem } };

    public static TesseraError UnsupportedMediaType(string? contentType, IReadOnlyList<string> supported) =>
        new(ErrorCatalog.UnsupportedMediaType, Details: new Dictionary<string, object?>
        {
            ["content_type"] = string.IsNullOrEmpty(contentType) ? null : contentType,
            ["supported"] = supported,
        })
        {
            Context = new Dictionary<string, object?>
            {
                ["content_type"] = string.IsNullOrEmpty(contentType) ? "(none)" : contentType,
                ["supported"] = string.Join(", ", supported),
            },
        };

    public static TesseraError HeadersTooLarge(long sizeBytes, long limitBytes) =>
        ErrorCatalog.RequestHeaderFieldsTooLarge.With(new Dictionary<string, object?> { ["size_bytes"] = sizeBytes, ["limit_bytes"] = limitBytes });

    public static TesseraError HeaderCountTooLarge(int count, int limit) =>
        new(ErrorCatalog.RequestHeaderFieldsTooLarge, Reason: $"The request has {count} header fields, more than the {limit} this server accepts.");

    public static TesseraError UriTooLong(long sizeBytes, long limitBytes) =>
        ErrorCatalog.RequestUriTooLong.With(new Dictionary<string, object?> { ["size_bytes"] = sizeBytes, ["limit_bytes"] = limitBytes });

    /// <summary>Kestrel's own rejections, raised while the application reads the request.</summary>
    public static TesseraError FromBadRequest(BadHttpRequestException exception, HttpContext context) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge(
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
                ?? context.RequestServices.GetRequiredService<ServeOptions>().RequestBodyLimit),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => HeadersTooLarge(0, context.RequestServices.GetRequiredService<ServeOptions>().RequestHeadersLimit),
        _ => Malformed("the request could not be read"),
    };
}
