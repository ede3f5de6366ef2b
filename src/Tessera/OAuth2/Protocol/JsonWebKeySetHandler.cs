// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Tessera.OAuth2.Keys;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// <c>/.well-known/jwks.json</c> publishes the keys in the database (both of Hydra's sets, rotated ones included),
/// not just the ones OpenIddict was configured with at start-up: a key added on another node appears within
/// <see cref="OAuth2KeyRing.CacheLifetime"/>.
/// </summary>
internal sealed class JsonWebKeySetHandler(OAuth2KeyRing ring) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler<JsonWebKeySetHandler>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        var keys = await ring.PublishedAsync(context.CancellationToken);
        context.Keys.Clear();
        foreach (var key in keys)
        {
            context.Keys.Add(key.PublicJwk);
        }
    }
}
