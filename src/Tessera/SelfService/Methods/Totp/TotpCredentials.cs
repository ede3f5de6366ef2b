// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.Security.Cipher;

namespace Tessera.SelfService.Methods.Totp;

/// <summary>
/// An identity's linked authenticator app: the <c>totp</c> credential, whose secret is stored encrypted
/// (<see cref="SecretCipher"/>) next to the last step a code was accepted for (replay protection).
/// </summary>
internal sealed class TotpCredentials(IdentityStore store, CredentialUses uses, SecretCipher cipher, TimeProvider clock)
{
    private const string SecretKey = "secret_encrypted";
    private const string LastStepKey = "last_used_step";

    public static bool IsLinked(Identity identity) => identity.Credentials.ContainsKey(CredentialTypes.Totp);

    public async Task<Identity> LinkAsync(Identity identity, byte[] secret, long acceptedStep, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var credential = new IdentityCredential
        {
            Id = Guid.NewGuid(),
            Type = CredentialTypes.Totp,
            Identifiers = [identity.Id.ToString()],
            Config = new JsonObject { [SecretKey] = cipher.Encrypt(secret), [LastStepKey] = acceptedStep },
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await store.ChangeAsync(identity.Id, current => current.Credentials[CredentialTypes.Totp] = credential, cancellationToken) ?? identity;
    }

    public async Task<Identity> UnlinkAsync(Identity identity, CancellationToken cancellationToken) =>
        await store.ChangeAsync(identity.Id, current => current.Credentials.Remove(CredentialTypes.Totp), cancellationToken) ?? identity;

    /// <summary>
    /// Whether the code is valid now for the linked app. An accepted code's step is recorded with a conditional write
    /// (<see cref="CredentialUses"/>), so the same code (or an earlier one) is refused afterwards, also when submitted
    /// several times at once: exactly one of them is accepted.
    /// </summary>
    public Task<bool> VerifyAsync(Identity identity, string? code, CancellationToken cancellationToken) =>
        uses.UseAsync(identity.Id, CredentialTypes.Totp, config => Accept(config, code), cancellationToken);

    private CredentialChange<bool> Accept(JsonObject? config, string? code)
    {
        if (config?[SecretKey]?.GetValue<string>() is not { } sealedSecret || cipher.Decrypt(sealedSecret) is not { } secret)
        {
            return CredentialChange<bool>.Keep(false);
        }

        var lastStep = config[LastStepKey]?.GetValue<long>() ?? -1;
        if (TotpAlgorithm.Verify(secret, code, clock.GetUtcNow(), lastStep) is not { } step)
        {
            return CredentialChange<bool>.Keep(false);
        }

        var next = (JsonObject)config.DeepClone();
        next[LastStepKey] = step;
        return CredentialChange<bool>.Write(next, true);
    }
}
