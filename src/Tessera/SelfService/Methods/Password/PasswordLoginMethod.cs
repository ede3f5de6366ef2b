// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Password;

/// <summary>
/// The password method of the login flow: the authenticator proves identifier + password (the same work and the
/// same answer for an unknown account, a missing password and a wrong one); a disabled identity is refused only
/// after its password was proven, so the refusal reveals nothing to someone who does not know it.
/// </summary>
internal sealed class PasswordLoginMethod(PasswordAuthenticator authenticator)
{
    public async Task<PasswordLoginResult> AuthenticateAsync(string identifier, string password, CancellationToken cancellationToken = default)
    {
        // Don't reveal whether the account exists: every failure is the same message.
        var identity = await authenticator.AuthenticateAsync(identifier, password, cancellationToken);
        if (identity is null)
        {
            return new PasswordLoginResult(null, UiMessages.ValidationInvalidCredentials.With());
        }

        return identity.IsActive
            ? new PasswordLoginResult(identity, null)
            : new PasswordLoginResult(null, UiMessages.ErrorValidationIdentityDisabled.With());
    }
}
