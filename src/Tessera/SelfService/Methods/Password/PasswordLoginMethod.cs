// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Hashing;
using Tessera.Identities;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Password;

/// <summary>
/// Proves an identity with identifier + password. Unknown identifier, missing password credential and wrong
/// password answer the same message after the same work, and a hash in an old format or cost is replaced with
/// the configured one on success.
/// </summary>
internal sealed class PasswordLoginMethod(IdentityStore identities, PasswordHasher hasher, TimeProvider clock)
{
    public const string HashedPasswordKey = "hashed_password";

    public async Task<PasswordLoginResult> AuthenticateAsync(string identifier, string password, CancellationToken cancellationToken = default)
    {
        var identity = await identities.FindByCredentialIdentifierAsync(
            CredentialTypes.Password, IdentifierNormalizer.Normalize(identifier), cancellationToken);
        var hash = identity is not null && identity.Credentials.TryGetValue(CredentialTypes.Password, out var credential)
            ? credential.Config[HashedPasswordKey]?.GetValue<string>()
            : null;

        // Don't reveal whether the account exists: no account, no password and a wrong password cost one hash each
        // and answer with the same message.
        if (identity is null || string.IsNullOrEmpty(hash))
        {
            await hasher.SpendOneHashAsync(password, cancellationToken);
            return new PasswordLoginResult(null, UiMessages.ValidationInvalidCredentials.With());
        }

        if (!await hasher.VerifyAsync(password, hash, cancellationToken))
        {
            return new PasswordLoginResult(null, UiMessages.ValidationInvalidCredentials.With());
        }

        if (!identity.IsActive)
        {
            return new PasswordLoginResult(null, UiMessages.ErrorValidationIdentityDisabled.With());
        }

        if (hasher.NeedsRehash(hash))
        {
            var config = new JsonObject { [HashedPasswordKey] = await hasher.HashAsync(password, cancellationToken) };
            await identities.UpdateCredentialConfigAsync(identity.Id, CredentialTypes.Password, config, clock.GetUtcNow(), cancellationToken);
        }

        return new PasswordLoginResult(identity, null);
    }
}
