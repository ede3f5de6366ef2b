// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Configuration;
using Tessera.Localization;

namespace Tessera.Errors.Rendering;

/// <summary>
/// Builds the bodies of the wire formats from one error. The <c>debug</c> member (exception type and message)
/// exists only with <c>dev: true</c>; otherwise nothing internal leaves the server.
/// </summary>
internal sealed class ErrorBodyFactory(ServeOptions serve, TimeProvider clock, ErrorDocumentationLinks links)
{
    public ErrorEnvelope Envelope(HttpContext context, TesseraError error) => new(Body(context.TraceIdentifier, error))
    {
        UseFlowId = error.UseFlowId,
        ExpiredAt = error.ExpiredAt,
        Since = error.Since is { } since ? (long)(since.Ticks * 100) : null,
        RedirectBrowserTo = error.RedirectBrowserTo,
    };

    /// <summary>Kratos's <c>genericError</c> object: what the envelope wraps and an error container stores.</summary>
    public ErrorEnvelopeBody Body(string requestId, TesseraError error) => new(
        error.Descriptor.Id,
        error.Status,
        ReasonPhrases.GetReasonPhrase(error.Status),
        requestId,
        error.EffectiveReason,
        error.Descriptor.Message,
        error.Details,
        serve.Dev ? error.Debug : null);

    /// <summary>
    /// RFC 9457 problem details; <c>cause</c> and <c>resolution</c> are the catalog entry's, in the request's language
    /// (<c>?lang=</c>, <c>Accept-Language</c>; English otherwise).
    /// </summary>
    public ProblemDetailsBody Problem(HttpContext context, TesseraError error)
    {
        var docUrl = links.For(context, error.Descriptor);
        var language = RequestLanguage.Of(context.Request);
        return new ProblemDetailsBody(
            docUrl,
            error.Descriptor.Id,
            error.Status,
            error.EffectiveReason,
            context.Request.Path.Value ?? "/",
            clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            context.TraceIdentifier,
            ProblemContext(error),
            docUrl,
            error.Retry.ToString().ToLowerInvariant(),
            error.Descriptor.Message,
            serve.Dev ? error.Debug : null)
        {
            Cause = ErrorMessages.Cause(error.Descriptor, language),
            Resolution = ErrorMessages.Resolution(error.Descriptor, language),
            Errors = error.Flow?.Errors,
            Flow = error.Flow?.Flow,
        };
    }

    // Everything machine-readable about the occurrence in one object: the template's context, the details, and
    // the fields the envelope would have put beside "error".
    private static Dictionary<string, object?> ProblemContext(TesseraError error)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in new[] { error.Context, error.Details })
        {
            foreach (var (key, value) in source ?? new Dictionary<string, object?>())
            {
                context[key] = value;
            }
        }

        if (error.UseFlowId is { } flow)
        {
            context["use_flow_id"] = flow;
        }

        if (error.ExpiredAt is { } expiredAt)
        {
            context["expired_at"] = expiredAt;
        }

        if (error.RedirectBrowserTo is { } redirect)
        {
            context["redirect_browser_to"] = redirect;
        }

        if (error.RetryAfterSeconds is { } retryAfter)
        {
            context["retry_after_seconds"] = retryAfter;
        }

        return context;
    }
}
