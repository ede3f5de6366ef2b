// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using System.Globalization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors.Occurrences;
using Tessera.Errors.Rendering;

namespace Tessera.Errors;

/// <summary>
/// The one place an error becomes an HTTP response. Counts it, sets <c>Ory-Error-Id</c> (Kratos's SDKs read it)
/// and writes the form this client needs: Kratos's envelope, RFC 9457 problem details, Hydra's errorOAuth2 under
/// Hydra's admin paths, or a 303 to the error UI.
/// </summary>
internal sealed class ErrorResponseWriter(IOptions<JsonOptions> json, ErrorBodyFactory bodies, ErrorUiRedirector redirector, ErrorMetrics metrics, OccurrenceRecorder occurrences)
{
    public const string ErrorIdHeader = "Ory-Error-Id";

    public async Task WriteAsync(HttpContext context, TesseraError error)
    {
        metrics.Record(error.Descriptor);
        occurrences.Error(context, error.Descriptor);
        var response = context.Response;
        response.Headers[ErrorIdHeader] = error.Descriptor.Id;
        response.Headers.CacheControl = SecurityHeadersMiddleware.NoStore;
        if (error.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        var format = ErrorFormatSelector.Select(context);
        if (format == ErrorFormat.ErrorUiRedirect && await redirector.TryRedirectAsync(context, error))
        {
            return;
        }

        response.StatusCode = error.Status;
        if (format == ErrorFormat.HydraOAuth2 && context.RequestServices.GetService<OAuth2.OAuth2ErrorWriter>() is { } hydra)
        {
            await response.WriteAsJsonAsync(hydra.Body(context, error), json.Value.SerializerOptions, context.RequestAborted);
            return;
        }

        if (format == ErrorFormat.ProblemJson)
        {
            await response.WriteAsJsonAsync(bodies.Problem(context, error), json.Value.SerializerOptions, ErrorFormatSelector.ProblemJson, context.RequestAborted);
            return;
        }

        await response.WriteAsJsonAsync(bodies.Envelope(context, error), json.Value.SerializerOptions, context.RequestAborted);
    }
}
