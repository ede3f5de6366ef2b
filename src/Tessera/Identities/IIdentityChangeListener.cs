// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>
/// Told of an identity change that other domains must act on once it is stored (the OAuth2 provider revokes the
/// subject's tokens on a password change or when the identity is disabled). A plug point so that Identities does
/// not depend on the domains that listen; <see cref="IdentityManager"/> calls every registered listener.
/// </summary>
internal interface IIdentityChangeListener
{
    Task IdentityChangedAsync(IdentityChange change, CancellationToken cancellationToken);
}
