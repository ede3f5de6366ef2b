// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.OAuth2.Clients;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// OpenIddict's degraded mode leaves client authentication to the host: this authenticates the client of every
/// token request (after OpenIddict checked the request's shape, before it validates codes or refresh tokens) and
/// keeps the client on the transaction for the grant handlers.
/// </summary>
internal sealed class TokenRequestValidationHandler(ClientAuthenticator authenticator) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<TokenRequestValidationHandler>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var http = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("OpenIddict ran outside ASP.NET Core.");
        var result = await authenticator.AuthenticateAsync(http, context.Request, context.CancellationToken);
        if (!result.TryGetValue(out var client, out var error))
        {
            context.Reject(error);
            return;
        }

        context.Transaction.SetClient(client);
    }
}
