// SPDX-License-Identifier: Apache-2.0
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Tessera.OAuth2.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Refresh tokens are Tessera's own opaque tokens (<c>tsr_rt_...</c>), not OpenIddict's self-contained ones: this
/// resolves one that Tessera issued to a principal (client as presenter, subject, scopes), so OpenIddict's checks
/// of the refresh request run (the token belongs to the authenticated client; no scope beyond the granted ones).
/// Rotation, reuse and the grace period are decided by <see cref="Grants.RefreshTokenGrant"/>, which needs the row
/// even when it was rotated or revoked: so any known token resolves here, and an unknown one stays unresolved
/// (OpenIddict then answers invalid_grant).
/// </summary>
internal sealed class RefreshTokenResolutionHandler(TokenStore store, OpaqueTokens opaque) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<RefreshTokenResolutionHandler>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not null || !context.Token.StartsWith(OpaqueTokens.RefreshPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var stored = await store.FindAsync(opaque.Signature(context.Token), context.CancellationToken);
        if (stored is null || stored.Kind != TokenKinds.RefreshToken)
        {
            return;
        }

        var identity = new ClaimsIdentity("tessera", Claims.Subject, Claims.Role);
        var principal = new ClaimsPrincipal(identity)
            .SetTokenType(TokenTypeIdentifiers.RefreshToken)
            .SetPresenters(stored.ClientId)
            .SetScopes(stored.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SetCreationDate(stored.CreatedAt);
        principal.SetClaim(Claims.Subject, stored.Subject ?? stored.ClientId);
        context.Principal = principal;
    }
}
