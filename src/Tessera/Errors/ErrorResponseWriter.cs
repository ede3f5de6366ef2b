// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Tessera.Errors;

/// <summary>
/// The one place an error becomes an HTTP response. Sets the status, <c>Ory-Error-Id</c> (Kratos's SDKs read it)
/// and writes Kratos's envelope.
/// </summary>
internal sealed class ErrorResponseWriter(IOptions<JsonOptions> json)
{
    public const string ErrorIdHeader = "Ory-Error-Id";

    public async Task WriteAsync(HttpContext context, TesseraError error)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        response.Headers[ErrorIdHeader] = error.Descriptor.Id;
        response.Headers.CacheControl = "private, no-cache, no-store, must-revalidate";
        var body = new ErrorEnvelope(new ErrorEnvelopeBody(
            error.Descriptor.Id,
            error.Status,
            ReasonPhrases.GetReasonPhrase(error.Status),
            context.TraceIdentifier,
            error.EffectiveReason,
            error.Descriptor.Message,
            error.Details));
        await response.WriteAsJsonAsync(body, json.Value.SerializerOptions, context.RequestAborted);
    }
}
