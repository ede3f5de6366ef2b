// SPDX-License-Identifier: Apache-2.0
using Microsoft.Net.Http.Headers;
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.Localization;
using Tessera.Ui;

namespace Tessera.Projects.Routing;

/// <summary>
/// 404 <c>project_host_unknown</c> (seed E1): Kratos's envelope or problem details through the error writer, and for a
/// browser a plain HTML page that needs no project (no error container is stored: there is no project to store it in).
/// </summary>
internal sealed class UnknownHostResponse(ErrorResponseWriter errors, ErrorMetrics metrics, ErrorDocumentationLinks docs)
{
    public Task WriteAsync(HttpContext context, string host)
    {
        var error = ErrorCatalog.ProjectHostUnknown.With(new Dictionary<string, object?> { ["host"] = host });
        if (!WantsHtml(context.Request))
        {
            return errors.WriteAsync(context, error);
        }

        metrics.Record(error.Descriptor);
        context.Response.Headers[ErrorResponseWriter.ErrorIdHeader] = error.Descriptor.Id;
        var language = RequestLanguage.Of(context.Request);
        var descriptor = error.Descriptor;
        return new HtmlPage(ErrorMessages.In(descriptor.Id, descriptor.Message, language), language)
            .Heading(ErrorMessages.In(descriptor.Id, descriptor.Message, language))
            .Field("Host", host)
            .Field("Cause", ErrorMessages.Cause(descriptor, language))
            .Field("Resolution", ErrorMessages.Resolution(descriptor, language))
            .Field("Request", context.TraceIdentifier)
            .Link(descriptor.Id, docs.For(context, descriptor))
            .ToResult(descriptor.Status)
            .ExecuteAsync(context);
    }

    // A browser navigating: it asks for HTML and neither JSON nor problem details.
    private static bool WantsHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        bool Wants(string type) => accept.Any(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        return Wants("text/html") && !Wants("application/json") && !Wants(ErrorFormatSelector.ProblemJson);
    }
}
