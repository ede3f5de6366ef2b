// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>Tells every <see cref="ISessionRevocationListener"/> that sessions of an identity were revoked.</summary>
internal sealed class SessionRevocations(IEnumerable<ISessionRevocationListener> listeners)
{
    public async Task NotifyAsync(Guid identityId, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            await listener.SessionsRevokedAsync(identityId, cancellationToken);
        }
    }
}
