// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.Errors.Containers;
using Tessera.Errors.Documentation;
using Tessera.Errors.Rendering;
using Tessera.Hosting;
using Tessera.Localization;
using Tessera.Ui.Pages;

namespace Tessera.Ui.ErrorPages;

/// <summary>
/// GET /ui/error?id=       the built-in error UI: the stored error as a plain page (public)
/// GET /ui/errors          the error reference (public)
/// GET /ui/errors/{id}     one catalog entry or UI message id (4000006); every doc_url and problem+json type points here (public)
/// These pages render their own failures as HTML and are never redirected to the error UI themselves.
/// </summary>
internal static class ErrorPageEndpoints
{
    public static IEndpointRouteBuilder MapErrorPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapPublicApi();
        pages.WithMetadata(NoErrorUiRedirectMetadata.Instance);
        pages.MapGet("/ui/error", ShowError);
        pages.MapGet("/ui/errors", ShowReference);
        pages.MapGet("/ui/errors/{id}", ShowReferenceEntry);
        return endpoints;
    }

    private static async Task<IResult> ShowError(
        [FromQuery] string? id, HttpContext context, ErrorContainerReader reader, [AsParameters] SelfServiceLinks links, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(context, id, cancellationToken);
        if (!result.Succeeded)
        {
            var failure = result.Error;
            var shown = new ShownError(failure.Descriptor.Id, failure.Status, failure.Descriptor.Message, failure.EffectiveReason, context.TraceIdentifier, null);
            return ErrorPageView.Render(shown, links, RequestLanguage.Of(context.Request)).ToResult(failure.Status);
        }

        return ErrorPageView.Render(ShownError.From(result.Value.Error), links, RequestLanguage.Of(context.Request)).ToResult(StatusCodes.Status200OK);
    }

    private static IResult ShowReference()
    {
        var page = new HtmlPage("Error reference").Wide().Heading("Error reference");
        foreach (var entry in ErrorCatalog.All)
        {
            page.Link($"{entry.Id} ({entry.Status}): {entry.Message}", ErrorDocumentationLinks.PagePath(entry));
        }

        page.Heading("UI messages");
        foreach (var message in UiMessageDocumentation.All)
        {
            page.Link($"{message.Message.Id} {message.Name}", ErrorDocumentationLinks.PagePath(message.Message.Id));
        }

        return page.ToResult(StatusCodes.Status200OK);
    }

    // Cause and resolution are shown in the request's language (?lang=, Accept-Language); the rest is the reference's
    // English, which is what support and operators search for.
    private static IResult ShowReferenceEntry(string id, HttpContext context)
    {
        var language = RequestLanguage.Of(context.Request);
        if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && UiMessageDocumentation.Find(number) is { } message)
        {
            return UiMessagePage(message, language);
        }

        if (ErrorCatalog.Find(id) is not { } entry)
        {
            return new HtmlPage("Unknown error id").Heading("Unknown error id")
                .Paragraph("No error or UI message with this id exists in Tessera's catalogs.")
                .Link("All errors", "/ui/errors")
                .ToResult(StatusCodes.Status404NotFound);
        }

        return new HtmlPage(entry.Id, language).Heading(entry.Id)
            .Field("HTTP status", entry.Status.ToString(CultureInfo.InvariantCulture))
            .Field("Retry", entry.Retry.ToString().ToLowerInvariant())
            .Field("Symptom", entry.DocumentedSymptom)
            .Field("Message", entry.Message)
            .Field("Reason", entry.Reason)
            .Field("Cause", ErrorMessages.Cause(entry, language))
            .Field("Resolution", ErrorMessages.Resolution(entry, language))
            .Link("All errors", "/ui/errors")
            .ToResult(StatusCodes.Status200OK);
    }

    private static IResult UiMessagePage(UiMessageDocumentation doc, string? language)
    {
        var id = doc.Message.Id.ToString(CultureInfo.InvariantCulture);
        var page = new HtmlPage(id, language).Heading($"{id} {doc.Name}")
            .Field("Type", doc.Message.Type.ToString().ToLowerInvariant())
            .Field("Text", doc.Message.Template)
            .Field("Meaning", doc.Meaning)
            .Field("Cause", doc.Error is { } owner ? ErrorMessages.Cause(owner, language, doc.Cause) : doc.Cause)
            .Field("Resolution", doc.Error is { } entry ? ErrorMessages.Resolution(entry, language, doc.Resolution) : doc.Resolution);
        if (doc.Error is { } error)
        {
            page.Link($"Catalog error {error.Id}", ErrorDocumentationLinks.PagePath(error));
        }

        return page.Link("All errors", "/ui/errors").ToResult(StatusCodes.Status200OK);
    }
}
