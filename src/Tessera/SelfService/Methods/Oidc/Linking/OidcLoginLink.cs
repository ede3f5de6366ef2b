// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Oidc.Linking;

/// <summary>
/// The second half of "sign in and link" (<see cref="OidcLoginLinkOffer"/>): the login flow that carries a pending
/// provider account has just been completed (claimed: once) by proving an identity. Only the identity that uses the
/// provider's verified e-mail gets the link; proving any other account signs in without linking.
/// </summary>
internal sealed class OidcLoginLink(OidcLinks links)
{
    public async Task LinkAsync(Flow flow, Identity identity, CancellationToken cancellationToken)
    {
        if (OidcPendingLink.Of(flow) is { } pending && pending.IdentityId == identity.Id)
        {
            // A provider account another identity linked meanwhile stays there; the login itself succeeded.
            await links.LinkAsync(identity.Id, pending.Entry, cancellationToken);
        }
    }
}
