// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.OAuth2.AccountEvents;

/// <summary>
/// <c>oauth2.revoke_tokens_on.*</c> (Tessera's keys; Hydra has no accounts to watch): which account events revoke
/// every OAuth2 token (access and refresh) issued for the identity as subject. All on by default: a changed password
/// or a disabled account that leaves a stolen refresh token working would defeat the change.
/// <c>password_change</c>: a new password from settings, recovery or the admin API. <c>identity_disabled</c>: the
/// identity's state goes from active to inactive. <c>session_revoked</c>: the user revokes sessions from their
/// session list (<c>DELETE /sessions</c>, <c>/sessions/{id}</c>) or an operator does (<c>DELETE /admin/sessions/{id}</c>,
/// <c>/admin/identities/{id}/sessions</c>); signing out is not a revocation.
/// </summary>
internal sealed record TokenRevocationOptions(bool OnPasswordChange, bool OnIdentityDisabled, bool OnSessionRevoked)
{
    private const string Key = "oauth2.revoke_tokens_on";

    public static TokenRevocationOptions Bind(ConfigurationTree config) => new(
        config.GetBool($"{Key}.password_change", true),
        config.GetBool($"{Key}.identity_disabled", true),
        config.GetBool($"{Key}.session_revoked", true));
}
