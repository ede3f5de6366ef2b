// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tessera.Errors;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Every error OpenIddict answers on a JSON endpoint (token, and whatever else registers this handler) is written by
/// <see cref="OAuth2ErrorWriter"/>, so it has the same shape, status and catalog entry as Tessera's own: a rejection
/// by one of Tessera's handlers carries its catalog error; one by OpenIddict's own validation is mapped by its RFC
/// code, with OpenIddict's description kept as the hint.
/// </summary>
internal sealed class OAuth2ErrorResponseHandler<TContext>(OAuth2ErrorWriter writer) : IOpenIddictServerHandler<TContext>
    where TContext : OpenIddictServerEvents.BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<OAuth2ErrorResponseHandler<TContext>>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(TContext context)
    {
        if (context.Transaction.ResponseError() is not { } error)
        {
            return;
        }

        var http = context.Transaction.GetHttpRequest()?.HttpContext ?? throw new InvalidOperationException("OpenIddict ran outside ASP.NET Core.");
        await writer.WriteAsync(http, error);
        context.HandleRequest();
    }
}
