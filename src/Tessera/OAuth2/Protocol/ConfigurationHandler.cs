// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Server;
using Tessera.OAuth2.Clients;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Discovery names what Tessera answers outside OpenIddict: the revocation endpoint (<c>/oauth2/revoke</c>; the logout
/// endpoint is added by <see cref="EndSessionDiscoveryHandler"/>) and every
/// client authentication method, <c>none</c> and <c>private_key_jwt</c> included.
/// </summary>
internal sealed class ConfigurationHandler : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<ConfigurationHandler>()
            // After OpenIddict's own Attach* handlers (from int.MaxValue - 100_000 on, 1_000 apart): the token endpoint
            // this derives from is attached by them, and running first left revocation_endpoint out of discovery.
            .SetOrder(int.MaxValue - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        if (context.TokenEndpoint is { } token)
        {
            context.RevocationEndpoint = new Uri(token, "/oauth2/revoke");
        }

        context.TokenEndpointAuthenticationMethods.Clear();
        context.RevocationEndpointAuthenticationMethods.Clear();
        foreach (var method in ClientAuthMethods.All)
        {
            context.TokenEndpointAuthenticationMethods.Add(method);
            context.RevocationEndpointAuthenticationMethods.Add(method);
        }

        return default;
    }
}
