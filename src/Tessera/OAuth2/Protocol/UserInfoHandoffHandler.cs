// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// OpenIddict knows <c>/userinfo</c> (discovery advertises it) but would validate the bearer token as one of its
/// own; Tessera's access tokens are its own (opaque or JWT, in its token table), so the request is handed back to
/// routing, where <see cref="UserInfo.UserInfoEndpoints"/> answers it.
/// </summary>
internal sealed class UserInfoHandoffHandler : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<UserInfoHandoffHandler>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 2)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.UserInfo)
        {
            context.SkipRequest();
        }

        return default;
    }
}
