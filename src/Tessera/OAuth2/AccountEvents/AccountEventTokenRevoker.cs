// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.OAuth2.Tokens;
using Tessera.Sessions;

namespace Tessera.OAuth2.AccountEvents;

/// <summary>
/// Revokes every OAuth2 token issued for an identity (as subject) when its account changes in a way that must end
/// them (<see cref="TokenRevocationOptions"/>): a new password, the identity disabled, its sessions revoked. Through
/// <see cref="TokenRevocation"/>, so introspection on this node sees it at once and on the others within its bound.
/// </summary>
internal sealed partial class AccountEventTokenRevoker(TokenRevocationOptions options, TokenRevocation revocation, ILogger<AccountEventTokenRevoker> logger)
    : IIdentityChangeListener, ISessionRevocationListener
{
    public async Task IdentityChangedAsync(IdentityChange change, CancellationToken cancellationToken)
    {
        if ((change.PasswordChanged && options.OnPasswordChange) || (change.Deactivated && options.OnIdentityDisabled))
        {
            await RevokeAsync(change.IdentityId, change.Deactivated ? "identity_disabled" : "password_change", cancellationToken);
        }
    }

    public async Task SessionsRevokedAsync(Guid identityId, CancellationToken cancellationToken)
    {
        if (options.OnSessionRevoked)
        {
            await RevokeAsync(identityId, "session_revoked", cancellationToken);
        }
    }

    private async Task RevokeAsync(Guid identityId, string reason, CancellationToken cancellationToken)
    {
        var count = await revocation.RevokeSubjectAsync(identityId.ToString(), cancellationToken);
        if (count > 0)
        {
            LogRevoked(logger, count, identityId, reason);
        }
    }

    [LoggerMessage(EventId = 2060, Level = LogLevel.Information, Message = "Revoked {Count} OAuth2 token(s) of identity {IdentityId} on {Reason}")]
    private static partial void LogRevoked(ILogger logger, int count, Guid identityId, string reason);
}
