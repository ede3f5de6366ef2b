// SPDX-License-Identifier: Apache-2.0
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// A <c>private_key_jwt</c> client assertion is verified by Tessera (<see cref="Clients.ClientAssertionVerifier"/>,
/// with the client's own keys and single-use <c>jti</c>, in <see cref="TokenRequestValidationHandler"/>): OpenIddict's
/// degraded mode has no client keys to verify it with, so its own extraction and validation of the assertion is off.
/// </summary>
internal sealed class ClientAssertionHandoffHandler : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<ClientAssertionHandoffHandler>()
            .SetOrder(OpenIddictServerHandlers.EvaluateValidatedTokens.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        context.ExtractClientAssertion = false;
        context.RequireClientAssertion = false;
        context.ValidateClientAssertion = false;
        context.RejectClientAssertion = false;
        return default;
    }
}
