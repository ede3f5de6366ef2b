// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Hashing;

namespace Tessera.Identities;

/// <summary>
/// What the password login method calls: finds the identity by its password identifier, verifies the password
/// against the stored hash (any imported format), and upgrades the hash to the configured algorithm after a
/// successful login. Returns null for every failure alike.
/// </summary>
internal sealed partial class PasswordAuthenticator(IdentityStore store, PasswordHasher hasher, TimeProvider clock, ILogger<PasswordAuthenticator> logger)
{
    public async Task<Identity?> AuthenticateAsync(string identifier, string password, CancellationToken cancellationToken = default)
    {
        var identity = await store.FindByCredentialIdentifierAsync(CredentialTypes.Password, identifier, cancellationToken);
        var hash = identity?.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Config["hashed_password"]?.GetValue<string>();
        if (identity is null || string.IsNullOrEmpty(hash))
        {
            // Don't reveal whether the account exists: spend the time of one verification anyway.
            await hasher.SpendOneHashAsync(password, cancellationToken);
            return null;
        }

        if (!await hasher.VerifyAsync(password, hash, cancellationToken))
        {
            return null;
        }

        if (hasher.NeedsRehash(hash))
        {
            var config = (JsonObject)identity.Credentials[CredentialTypes.Password].Config.DeepClone();
            config["hashed_password"] = await hasher.HashAsync(password, cancellationToken);
            await store.UpdateCredentialConfigAsync(identity.Id, CredentialTypes.Password, config, clock.GetUtcNow(), cancellationToken);
            identity.Credentials[CredentialTypes.Password].Config = config;
            LogRehashed(logger, identity.Id);
        }

        return identity;
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Upgraded the password hash of identity {IdentityId} to the configured algorithm")]
    private static partial void LogRehashed(ILogger logger, Guid identityId);
}
