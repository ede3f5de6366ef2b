// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors.Rendering;
using Tessera.Hosting;
using Tessera.Security.Csrf;

namespace Tessera.Errors.Containers;

/// <summary>
/// Reads an error container for the error UI: stubs, then stored containers of this project that have not expired.
/// With <c>bind_to_browser</c>, a public-listener read must carry the CSRF cookie of the browser that met the error;
/// the admin listener is trusted and never bound.
/// </summary>
internal sealed class ErrorContainerReader(
    ErrorContainerStore store, ErrorOptions options, ErrorBodyFactory bodies, IOptions<JsonOptions> json, CsrfCookie csrfCookie, TimeProvider clock)
{
    public async Task<Result<ErrorContainerResponse>> ReadAsync(HttpContext context, string? id, CancellationToken cancellationToken)
    {
        if (id is not null && StubErrors.Find(id) is { } stub)
        {
            var now = clock.GetUtcNow();
            var body = JsonSerializer.SerializeToNode(bodies.Body(context.TraceIdentifier, stub), json.Value.SerializerOptions)!;
            return new ErrorContainerResponse(Guid.NewGuid(), body, now, now);
        }

        // A malformed id is answered like an unknown one: there is nothing to tell apart for the caller.
        if (!Guid.TryParseExact(id, "D", out var containerId))
        {
            return ErrorCatalog.SelfServiceErrorNotFound;
        }

        var container = await store.FindAsync(containerId, cancellationToken);
        if (container is null)
        {
            return ErrorCatalog.SelfServiceErrorNotFound;
        }

        if (options.BindToBrowser && container.CsrfTokenHash is { } hash
            && SurfaceGuardMiddleware.CurrentSurface(context) != Surface.Admin && !csrfCookie.Matches(context.Request, hash))
        {
            return ErrorCatalog.SelfServiceErrorForbidden;
        }

        if (container.SeenAt is null)
        {
            await store.MarkSeenAsync(container.Id, cancellationToken);
        }

        return new ErrorContainerResponse(container.Id, container.Error, container.CreatedAt, container.UpdatedAt);
    }
}
