// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Tessera.Errors;
using Tessera.OAuth2.Clients;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Degraded mode's required check of authorization requests: the client exists, the redirect URI is one it
/// registered (exact match, RFC 6749 section 3.1.2.3; when absent, the client's only one), the response type and
/// scopes are the client's, and PKCE is present where <c>oauth2.pkce.*</c> demands it. The client is kept on the
/// transaction for the authorization endpoint.
/// </summary>
internal sealed class AuthorizationRequestValidationHandler(ClientStore clients, OAuth2Options options) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<AuthorizationRequestValidationHandler>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateResponseTypeParameter.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var request = context.Request;
        var client = string.IsNullOrEmpty(request.ClientId) ? null : await clients.FindAsync(request.ClientId, context.CancellationToken);
        if (client is null)
        {
            context.Reject(ErrorCatalog.OAuth2InvalidClient);
            return;
        }

        var redirect = request.RedirectUri ?? (client.RedirectUris.Count == 1 ? client.RedirectUris[0] : null);
        if (redirect is null || !client.RedirectUris.Contains(redirect, StringComparer.Ordinal))
        {
            context.Reject(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidRequest,
                "The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's pre-registered redirect urls."));
            return;
        }

        context.SetRedirectUri(redirect);
        if (request.ResponseType is { } responseType && !client.ResponseTypes.Contains(responseType, StringComparer.Ordinal))
        {
            context.Reject(OAuth2Errors.Problem(ErrorCatalog.OAuth2UnauthorizedClient, $"The client is not allowed to request response_type '{responseType}'."));
            return;
        }

        if (request.GetScopes().FirstOrDefault(s => !client.Scopes.Contains(s, StringComparer.Ordinal)) is { } scope)
        {
            context.Reject(OAuth2Errors.Of(ErrorCatalog.OAuth2InvalidScope, ("scope", scope)));
            return;
        }

        if (string.IsNullOrEmpty(request.CodeChallenge) && (options.PkceEnforced || (client.IsPublic && options.PkceEnforcedForPublicClients)))
        {
            context.Reject(OAuth2Errors.Problem(ErrorCatalog.OAuth2InvalidRequest,
                "Clients must include a code_challenge when performing the authorize code flow, but it is missing."));
            return;
        }

        context.Transaction.SetClient(client);
    }
}
