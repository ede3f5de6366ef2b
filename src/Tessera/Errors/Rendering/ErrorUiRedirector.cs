// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors.Containers;
using Tessera.Security.Csrf;

namespace Tessera.Errors.Rendering;

/// <summary>
/// Persists the error as a container (bound to the browser's CSRF cookie, by hash) and sends the browser to the
/// error UI with a 303. Returns false when the container cannot be stored; the caller then answers directly.
/// </summary>
internal sealed partial class ErrorUiRedirector(
    ErrorContainerStore store, ErrorOptions options, ErrorBodyFactory bodies, IOptions<JsonOptions> json, CsrfCookie csrfCookie, ILogger<ErrorUiRedirector> logger)
{
    public async Task<bool> TryRedirectAsync(HttpContext context, TesseraError error)
    {
        var body = JsonSerializer.SerializeToNode(bodies.Body(context.TraceIdentifier, error), json.Value.SerializerOptions)!;
        var cookie = csrfCookie.Read(context.Request);
        Guid id;
        try
        {
            id = await store.CreateAsync(body, cookie is null ? null : CsrfCookie.Hash(cookie), context.RequestAborted);
        }
        catch (DbException e)
        {
            LogStoreFailed(logger, e, error.Descriptor.Id);
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = options.UiLocation(id);
        return true;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Could not store error {ErrorId} for the error UI; answering it directly")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string errorId);
}
