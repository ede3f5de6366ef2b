// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.Errors;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// An authorization request refused before its redirect URI is trusted (no client, an unregistered redirect URI, a
/// malformed request) cannot be sent back to the client (RFC 6749 section 4.1.2.1): it is answered as every other
/// Tessera error, with its catalog entry and <c>Ory-Error-Id</c>; a browser lands on the error page. Errors with a
/// trusted redirect URI still go back to the client, by OpenIddict's own handlers, which run before this one.
/// </summary>
internal sealed class AuthorizationErrorPageHandler : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<AuthorizationErrorPageHandler>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<ApplyAuthorizationResponseContext>.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (!string.IsNullOrEmpty(context.RedirectUri) || context.Transaction.ResponseError() is not { } error)
        {
            return;
        }

        var http = context.Transaction.GetHttpRequest()?.HttpContext ?? throw new InvalidOperationException("OpenIddict ran outside ASP.NET Core.");
        await new ErrorResult(error).ExecuteAsync(http);
        context.HandleRequest();
    }
}
