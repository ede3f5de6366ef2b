// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.Hosting;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Hands a request OpenIddict recognised back to routing, in two cases. OpenIddict recognises its endpoints by path,
/// before routing's listener check: every OpenIddict endpoint is a public one, so on the admin listener the request
/// goes to routing (where it finds nothing: 404). And OpenIddict knows endpoints that discovery advertises but Tessera
/// answers itself (<see cref="TesseraAnswered"/>): <c>/userinfo</c> (Tessera's access tokens are its own, opaque or
/// JWT, in its token table: <see cref="UserInfo.UserInfoEndpoints"/>).
/// </summary>
internal sealed class RoutingHandoffHandler : IOpenIddictServerHandler<ProcessRequestContext>
{
    private static readonly OpenIddictServerEndpointType[] TesseraAnswered = [OpenIddictServerEndpointType.UserInfo];

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<RoutingHandoffHandler>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.Unknown)
        {
            return default;
        }

        var offPublicListener = context.Transaction.GetHttpRequest() is { } http && SurfaceGuardMiddleware.CurrentSurface(http.HttpContext) != Surface.Public;
        if (offPublicListener || TesseraAnswered.Contains(context.EndpointType))
        {
            context.SkipRequest();
        }

        return default;
    }
}
