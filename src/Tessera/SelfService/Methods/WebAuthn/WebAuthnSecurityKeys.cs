// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Identities.Schemas;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// The <c>webauthn</c> method's relying party and ceremonies when enabled, and an identity's security keys: stored
/// in its <c>webauthn</c> credential, whose identifiers are the identity's id and the traits that name the account
/// (<see cref="IdentityCredentialsBuilder.WebAuthnIdentifiers"/>).
/// </summary>
internal sealed class WebAuthnSecurityKeys(WebAuthnOptions options, IdentityStore store, IdentitySchemaRegistry schemas, TimeProvider clock)
{
    private readonly WebAuthnCeremony? _ceremony = options.RelyingParty is { } rp ? new WebAuthnCeremony(rp) : null;

    public bool Enabled => _ceremony is not null;

    /// <summary>With <c>passwordless: true</c> keys are a first factor (user verification required), else a second factor.</summary>
    public bool Passwordless => options.Passwordless;

    public WebAuthnCeremony Ceremony => _ceremony ?? throw new InvalidOperationException("the webauthn method is not enabled");

    public static WebAuthnCredentialSet Of(Identity identity) =>
        WebAuthnCredentialSet.From(identity.Credentials.GetValueOrDefault(CredentialTypes.WebAuthn)?.Config);

    /// <summary>Stores <paramref name="set"/> as the identity's keys (none left: the credential goes) and returns the identity as stored.</summary>
    public async Task<Identity> SaveAsync(Identity identity, WebAuthnCredentialSet set, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schema = await schemas.FindAsync(identity.SchemaId, cancellationToken);
        return await store.ChangeAsync(identity.Id, current => Put(current, set, schema, now), cancellationToken) ?? identity;
    }

    private static void Put(Identity identity, WebAuthnCredentialSet set, IdentitySchema? schema, DateTimeOffset now)
    {
        if (set.Credentials.Count == 0)
        {
            identity.Credentials.Remove(CredentialTypes.WebAuthn);
            return;
        }

        var credential = identity.Credentials.GetValueOrDefault(CredentialTypes.WebAuthn)
            ?? new IdentityCredential { Id = Guid.NewGuid(), Type = CredentialTypes.WebAuthn, CreatedAt = now, Version = 1 };
        credential.Identifiers = schema is not null ? IdentityCredentialsBuilder.WebAuthnIdentifiers(identity, schema) : [identity.Id.ToString()];
        credential.Config = set.ToConfig();
        credential.UpdatedAt = now;
        identity.Credentials[CredentialTypes.WebAuthn] = credential;
    }
}
