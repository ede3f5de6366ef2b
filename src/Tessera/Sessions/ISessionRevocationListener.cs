// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>
/// Told when a user (from their session list) or an operator (admin API) revoked sessions of an identity, so that
/// other domains can follow (the OAuth2 provider revokes the subject's tokens). Sign-out and expiry are not
/// revocations. A plug point so that Sessions does not depend on the domains that listen.
/// </summary>
internal interface ISessionRevocationListener
{
    Task SessionsRevokedAsync(Guid identityId, CancellationToken cancellationToken);
}
