// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Password;

/// <summary>
/// The password method of the login flow: the authenticator proves identifier + password (the same work and the
/// same answer for an unknown account, a missing password and a wrong one); a disabled identity is refused only
/// after its password was proven, so the refusal reveals nothing to someone who does not know it.
/// </summary>
internal sealed class PasswordLoginMethod(PasswordAuthenticator authenticator, IdentitySchemaRegistry schemas)
{
    /// <summary>
    /// The identifier input's label, as Kratos derives it from the default identity schema: the password
    /// identifier's title (1070002 with the title in context, e.g. "E-Mail"), else "ID" (1070004). With several
    /// password identifiers (e-mail and username) one field's title would mislabel the others, so it is "ID" too.
    /// </summary>
    public async Task<UiText> IdentifierLabelAsync(CancellationToken cancellationToken = default)
    {
        var identifiers = (await schemas.DefaultAsync(cancellationToken)).PasswordIdentifiers.ToList();
        return identifiers is [{ Title: { Length: > 0 } title }]
            ? UiMessages.InfoNodeLabelGenerated.With(new Dictionary<string, object?> { ["title"] = title })
            : UiMessages.InfoNodeLabelID.With();
    }

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
