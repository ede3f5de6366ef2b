// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Connections.Features;

namespace Tessera.Hosting;

/// <summary>
/// Runs after routing: an endpoint matched on a listener it does not belong to is treated as no match at all (404),
/// so an admin path never answers on the public port, whatever Host header the caller sends.
/// </summary>
internal sealed class SurfaceGuardMiddleware(RequestDelegate next)
{
    public const string ConnectionItemKey = "tessera.surface";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && !IsMethodRejection(endpoint))
        {
            var allowed = endpoint.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces ?? Surface.None;
            if ((allowed & CurrentSurface(context)) == Surface.None)
            {
                context.SetEndpoint(null);
                context.Request.RouteValues.Clear();
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
        }

        return next(context);
    }

    // Routing's own endpoint for "the path exists, the method does not" (405 with Allow). It carries no surface:
    // it says only that one of the published API paths exists, on whichever listener was asked.
    private static bool IsMethodRejection(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<SurfaceMetadata>() is null
        && string.Equals(endpoint.DisplayName, "405 HTTP Method Not Supported", StringComparison.Ordinal);

    /// <summary>The listener the request arrived on, as the connection middleware of that listener tagged it.</summary>
    public static Surface CurrentSurface(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ConnectionItemKey, out var value) == true && value is Surface surface
            ? surface
            : Surface.None;
}
