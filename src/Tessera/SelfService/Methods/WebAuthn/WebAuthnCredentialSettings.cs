// SPDX-License-Identifier: Apache-2.0
using Fido2NetLib;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// What the two WebAuthn settings methods (passkeys and security keys) share, for the credential type each names: the
/// identity's set, the creation options the form offers (kept in the flow and taken by the submission that answers
/// them), adding the verified credential, removing one (refused when it is the identity's last way to sign in,
/// <see cref="SignInMethods"/>) and storing the set.
/// </summary>
internal sealed class WebAuthnCredentialSettings(IdentityStore store, IdentitySchemaRegistry schemas, SignInMethods signIn, TimeProvider clock)
{
    public static WebAuthnCredentialSet Of(Identity identity, string type) =>
        WebAuthnCredentialSet.From(identity.Credentials.GetValueOrDefault(type)?.Config);

    /// <summary>The options the form offers: the ones it already carries (a form shown again before its submission is handled), or new ones.</summary>
    public static CredentialCreateOptions Offer(Flow flow, string type, WebAuthnCeremony ceremony, WebAuthnCredentialSet set, string userName, bool discoverable)
    {
        var options = WebAuthnChallenges.PeekCreation(flow, type)
            ?? ceremony.BeginRegistration(set.UserHandle.Length > 0 ? set.UserHandle : WebAuthnUserHandles.New(), userName, set.Credentials, discoverable);
        WebAuthnChallenges.Keep(flow, type, options);
        return options;
    }

    /// <summary>The method's nodes go (the script stays) so that the form can be offered again with a new challenge.</summary>
    public static void ClearNodes(Flow flow, string group) =>
        flow.Ui.Nodes.RemoveAll(n => n.Group == group && n.Attributes is not UiScriptAttributes);

    public async Task<SettingsOutcome> RemoveAsync(Flow flow, Identity identity, string type, string hexId, CancellationToken cancellationToken)
    {
        var set = Of(identity, type);
        if (!set.Credentials.Any(c => c.HexId == hexId))
        {
            flow.Ui.AddMessage(null, UiMessages.ValidationNoWebAuthnDevice.With());
            return SettingsOutcome.Rerender();
        }

        var remaining = set.Without(hexId);
        if (!signIn.RemainAfter(identity, type, remaining))
        {
            flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(new TesseraError(ErrorCatalog.WebAuthnLastCredential)));
            return SettingsOutcome.Rerender();
        }

        return SettingsOutcome.Success(await SaveAsync(identity, type, remaining, cancellationToken));
    }

    /// <summary>
    /// Verifies <paramref name="response"/> (the page's field <paramref name="field"/>) against the options the flow
    /// kept and stores the new credential; null when refused (the flow then carries the message).
    /// </summary>
    public async Task<Identity?> AddAsync(
        Flow flow, Identity identity, string type, WebAuthnCeremony ceremony, CredentialCreateOptions? kept, string? response, string field,
        string displayName, bool passwordless, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(response))
        {
            flow.Ui.AddMessage(null, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = field }));
            return null;
        }

        var made = kept is null
            ? ErrorCatalog.WebAuthnChallengeInvalid
            : await ceremony.FinishRegistrationAsync(kept, response, displayName, passwordless, clock.GetUtcNow(), cancellationToken);
        if (!made.Succeeded)
        {
            flow.Ui.AddMessage(null, WebAuthnFlowMessages.For(made.Error));
            return null;
        }

        return await SaveAsync(identity, type, (Of(identity, type) with { UserHandle = kept!.User.Id }).With(made.Value), cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="set"/> as the identity's credential of <paramref name="type"/> (none left: the credential
    /// goes) and returns the identity as stored. A passkey is found by its user handle; a security key by the identity's
    /// id and the traits that name the account (<see cref="IdentityCredentialsBuilder.WebAuthnIdentifiers"/>).
    /// </summary>
    public async Task<Identity> SaveAsync(Identity identity, string type, WebAuthnCredentialSet set, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schema = type == CredentialTypes.Passkey ? null : await schemas.FindAsync(identity.SchemaId, cancellationToken);
        return await store.ChangeAsync(identity.Id, current => Put(current, type, set, schema, now), cancellationToken) ?? identity;
    }

    private static void Put(Identity identity, string type, WebAuthnCredentialSet set, IdentitySchema? schema, DateTimeOffset now)
    {
        if (set.Credentials.Count == 0)
        {
            identity.Credentials.Remove(type);
            return;
        }

        var credential = identity.Credentials.GetValueOrDefault(type)
            ?? new IdentityCredential { Id = Guid.NewGuid(), Type = type, CreatedAt = now, Version = 1 };
        credential.Identifiers = type == CredentialTypes.Passkey ? [set.Identifier]
            : schema is not null ? IdentityCredentialsBuilder.WebAuthnIdentifiers(identity, schema)
            : [identity.Id.ToString()];
        credential.Config = set.ToConfig();
        credential.UpdatedAt = now;
        identity.Credentials[type] = credential;
    }
}
