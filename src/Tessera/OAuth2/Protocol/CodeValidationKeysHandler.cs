// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Server;
using Tessera.OAuth2.Keys;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// What OpenIddict verifies (authorization codes, an <c>id_token_hint</c>) is checked against the key ring's ID-token
/// keys, read live: the current ones and those deleted or replaced less than a code lifetime ago, so a code minted
/// before a rotation still redeems (<see cref="OAuth2KeyRing.CodeVerificationAsync"/>).
/// </summary>
internal sealed class CodeValidationKeysHandler(OAuth2KeyRing ring) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<CodeValidationKeysHandler>()
            // Right after OpenIddict's ResolveTokenValidationParameters (int.MinValue + 100_000), which clones its parameters.
            .SetOrder(int.MinValue + 100_500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        var keys = await ring.CodeVerificationAsync(context.CancellationToken);
        context.TokenValidationParameters.IssuerSigningKeys = keys.Select(k => k.PrivateKey).ToList();
    }
}
