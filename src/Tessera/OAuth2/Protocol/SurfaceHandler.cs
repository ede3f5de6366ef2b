// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.Hosting;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// OpenIddict recognises its endpoints by path, before routing's listener check: every OpenIddict endpoint is a
/// public one, so on the admin listener the request is handed back to routing (where it finds nothing: 404).
/// </summary>
internal sealed class SurfaceHandler : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<SurfaceHandler>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (context.EndpointType != OpenIddictServerEndpointType.Unknown
            && context.Transaction.GetHttpRequest() is { } http
            && SurfaceGuardMiddleware.CurrentSurface(http.HttpContext) != Surface.Public)
        {
            context.SkipRequest();
        }

        return default;
    }
}
