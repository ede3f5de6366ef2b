// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Server;
using Tessera.OAuth2.Keys;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// What OpenIddict signs itself (authorization codes) is signed with the ID-token set's current key from the key ring,
/// not the keys OpenIddict's options were given at start-up: a key created, imported or deleted through
/// <c>/admin/keys</c> signs (or stops signing) codes on every node within <see cref="OAuth2KeyRing.CacheLifetime"/>.
/// </summary>
internal sealed class CodeSigningCredentialsHandler(OAuth2KeyRing ring) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<CodeSigningCredentialsHandler>()
            // Right after OpenIddict's AttachSecurityCredentials (int.MinValue + 100_000), before it creates the token.
            .SetOrder(int.MinValue + 100_500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context) =>
        context.SigningCredentials = (await ring.CurrentAsync(KeySets.IdToken, context.CancellationToken)).Credentials;
}
