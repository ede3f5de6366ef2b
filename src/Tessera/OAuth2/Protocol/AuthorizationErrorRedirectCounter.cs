// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.Errors;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// An authorization error that goes back to the client's trusted redirect URI (a login or consent app's rejection,
/// <c>prompt=none</c> without a session) is written by OpenIddict's own redirect handlers, not by Tessera's error
/// writers: it is counted here, just before them, as the catalog entry its RFC code stands for
/// (<c>access_denied</c> is <c>oauth2_access_denied</c>), so every OAuth2 error answer counts wherever it is written.
/// OpenID Connect codes the catalog has no entry for (<c>login_required</c>, <c>consent_required</c>) are not counted.
/// </summary>
internal sealed class AuthorizationErrorRedirectCounter(ErrorMetrics metrics) : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<AuthorizationErrorRedirectCounter>()
            .SetOrder(Math.Min(
                OpenIddictServerAspNetCoreHandlers.Authentication.ProcessFormPostResponse.Descriptor.Order,
                Math.Min(
                    OpenIddictServerAspNetCoreHandlers.Authentication.ProcessQueryResponse.Descriptor.Order,
                    OpenIddictServerAspNetCoreHandlers.Authentication.ProcessFragmentResponse.Descriptor.Order)) - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        var response = context.Transaction.Response;
        if (response is null || string.IsNullOrEmpty(response.Error) || string.IsNullOrEmpty(context.RedirectUri))
        {
            return ValueTask.CompletedTask;
        }

        if (context.Transaction.GetError() is { } error)
        {
            metrics.Record(error.Descriptor);
        }
        else if (OAuth2Errors.IsCatalogued(response.Error))
        {
            metrics.Record(OAuth2Errors.EntryFor(response.Error, response.ErrorUri, response.ErrorDescription));
        }

        return ValueTask.CompletedTask;
    }
}
