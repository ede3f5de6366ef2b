// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Server;
using Tessera.OAuth2.Authorization.Logout;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Discovery's <c>end_session_endpoint</c>: RP-initiated logout is answered by Tessera alone
/// (<see cref="RpLogoutEndpoints"/>), not registered with OpenIddict (its degraded mode would validate the request
/// without the ID token hint, which is Tessera's to verify), so the address is added to the document here.
/// </summary>
internal sealed class EndSessionDiscoveryHandler : IOpenIddictServerHandler<ApplyConfigurationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
            .UseSingletonHandler<EndSessionDiscoveryHandler>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        if (string.IsNullOrEmpty(context.Response.Error) && (string?)context.Response["token_endpoint"] is { } token)
        {
            context.Response["end_session_endpoint"] = new Uri(new Uri(token), RpLogoutEndpoints.Path).AbsoluteUri;
        }

        return default;
    }
}
