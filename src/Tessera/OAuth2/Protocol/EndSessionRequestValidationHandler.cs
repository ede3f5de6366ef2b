// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Tessera.Errors;
using Tessera.OAuth2.Clients;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Degraded mode's required check of logout requests: a <c>post_logout_redirect_uri</c> is honoured only when the
/// named client (<c>client_id</c>) registered it; without one the logout proceeds without redirecting back.
/// </summary>
internal sealed class EndSessionRequestValidationHandler(ClientStore clients) : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .UseScopedHandler<EndSessionRequestValidationHandler>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        var redirect = context.Request.PostLogoutRedirectUri;
        if (string.IsNullOrEmpty(redirect))
        {
            return;
        }

        var client = string.IsNullOrEmpty(context.Request.ClientId) ? null : await clients.FindAsync(context.Request.ClientId, context.CancellationToken);
        if (client is null || !client.PostLogoutRedirectUris.Contains(redirect, StringComparer.Ordinal))
        {
            context.Reject(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidRequest,
                "The 'post_logout_redirect_uri' is not registered for the OAuth 2.0 Client named by client_id."));
            return;
        }

        context.Transaction.SetClient(client);
    }
}
