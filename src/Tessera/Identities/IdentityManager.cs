// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Hashing;
using Tessera.Identities.Schemas;

namespace Tessera.Identities;

/// <summary>
/// Creates and updates identities the same way for every caller (admin API, import CLI, registration, settings):
/// validates traits against the schema, applies the password policy or checks an imported hash, derives
/// identifiers and addresses, and lets the store's unique indexes decide conflicts. A stored update that sets a
/// password or disables the identity is told to every <see cref="IIdentityChangeListener"/>.
/// </summary>
internal sealed class IdentityManager(
    IdentityStore store, IdentitySchemaRegistry schemas, PasswordHasher hasher, PasswordPolicy policy, TimeProvider clock, IEnumerable<IIdentityChangeListener> listeners)
{
    public async Task<IdentityResult> CreateAsync(IdentityDraft draft, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([draft], cancellationToken))[0];

    /// <summary>Creates each draft independently: one invalid or conflicting draft fails alone.</summary>
    public async Task<IReadOnlyList<IdentityResult>> CreateManyAsync(IReadOnlyList<IdentityDraft> drafts, CancellationToken cancellationToken = default)
    {
        var results = new IdentityResult[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            results[i] = await PrepareAsync(drafts[i], null, cancellationToken);
        }

        var ready = results.Select((r, i) => (Outcome: r, Index: i)).Where(x => x.Outcome.Succeeded).ToList();
        var written = await store.CreateManyAsync(ready.Select(x => x.Outcome.Value!).ToList(), cancellationToken);
        for (var i = 0; i < ready.Count; i++)
        {
            if (written[i] == StoreWriteResult.Conflict)
            {
                results[ready[i].Index] = ErrorCatalog.IdentityConflict;
            }
        }

        return results;
    }

    /// <summary>Replaces the identity's schema, traits, state and metadata; a password in the draft replaces the password.</summary>
    public Task<IdentityResult> UpdateAsync(Guid id, IdentityDraft draft, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, _ => draft, cancellationToken);

    /// <summary>
    /// The update <paramref name="draftFor"/> derives from the identity as stored (or the catalog error that refuses
    /// it). Derived from a fresh read and written only on the version read, again while another write gets there first,
    /// so nothing written concurrently (a linked app, a verified address, an admin's state change) is lost.
    /// </summary>
    public async Task<IdentityResult> UpdateAsync(Guid id, Func<Identity, DraftOrError> draftFor, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < IdentityStore.MaxWriteAttempts; attempt++)
        {
            var existing = await store.GetAsync(id, cancellationToken);
            if (existing is null)
            {
                return ErrorCatalog.IdentityNotFound;
            }

            var (draft, refused) = draftFor(existing);
            if (draft is null)
            {
                return refused!;
            }

            // PrepareAsync updates the identity it is given: read what it was before.
            var wasActive = existing.State == IdentityStates.Active;
            var prepared = await PrepareAsync(draft, existing, cancellationToken);
            if (!prepared.Succeeded)
            {
                return prepared;
            }

            var written = await store.UpdateAsync(prepared.Value, cancellationToken);
            if (written == StoreWriteResult.Stale)
            {
                continue;
            }

            if (written != StoreWriteResult.Written)
            {
                return written == StoreWriteResult.NotFound ? ErrorCatalog.IdentityNotFound : ErrorCatalog.IdentityConflict;
            }

            var change = new IdentityChange(id, draft.Password is not null || !string.IsNullOrEmpty(draft.HashedPassword),
                wasActive && prepared.Value!.State == IdentityStates.Inactive);
            if (change.Matters)
            {
                foreach (var listener in listeners)
                {
                    await listener.IdentityChangedAsync(change, cancellationToken);
                }
            }

            return prepared;
        }

        return ErrorCatalog.IdentityConflict;
    }

    /// <summary>
    /// Registration's two steps, so pre-persist hooks run between them (issue 8): a new identity validated (schema,
    /// password policy, hashed password) but not stored ...
    /// </summary>
    public Task<IdentityResult> PrepareNewAsync(IdentityDraft draft, CancellationToken cancellationToken = default) =>
        PrepareAsync(draft, null, cancellationToken);

    /// <summary>... validated again after a hook changed its traits or metadata (it keeps its id and password) ...</summary>
    public Task<IdentityResult> ReviseAsync(Identity prepared, CancellationToken cancellationToken = default) =>
        PrepareAsync(new IdentityDraft(prepared.SchemaId, prepared.Traits, prepared.State, prepared.MetadataPublic, prepared.MetadataAdmin, prepared.ExternalId),
            prepared, cancellationToken);

    /// <summary>... and stored, the unique indexes deciding conflicts.</summary>
    public async Task<IdentityResult> InsertPreparedAsync(Identity prepared, CancellationToken cancellationToken = default) =>
        (await store.CreateManyAsync([prepared], cancellationToken))[0] == StoreWriteResult.Conflict
            ? ErrorCatalog.IdentityConflict
            : IdentityResult.Success(prepared);

    private async Task<IdentityResult> PrepareAsync(IdentityDraft draft, Identity? existing, CancellationToken cancellationToken)
    {
        var schemaId = string.IsNullOrEmpty(draft.SchemaId) ? existing?.SchemaId ?? schemas.DefaultSchemaId : draft.SchemaId;
        var schema = await schemas.FindAsync(schemaId, cancellationToken);
        if (schema is null || schema.Id != schemaId)
        {
            return new TesseraError(ErrorCatalog.IdentitySchemaUnknown, Reason: $"Unable to find JSON Schema ID: {schemaId}");
        }

        var messages = TraitsValidator.Validate(schema, draft.Traits);
        if (messages.Count > 0)
        {
            return new TesseraError(ErrorCatalog.IdentityTraitsInvalid, Details: new Dictionary<string, object?> { ["messages"] = TraitMessageGroups.From(messages) });
        }

        if (draft.State is not null && !IdentityStates.IsValid(draft.State))
        {
            return new TesseraError(ErrorCatalog.IdentityRequestMalformed, Reason: "state must be active or inactive");
        }

        var now = clock.GetUtcNow();
        var identity = existing ?? new Identity { Id = Guid.NewGuid(), SchemaId = schema.Id, Traits = [], CreatedAt = now, StateChangedAt = now };
        var state = draft.State ?? existing?.State ?? IdentityStates.Active;
        if (state != identity.State || existing is null)
        {
            identity.StateChangedAt = now;
        }

        identity.SchemaId = schema.Id;
        identity.Traits = (JsonObject)draft.Traits.DeepClone();
        identity.State = state;
        identity.MetadataPublic = draft.MetadataPublic?.DeepClone();
        identity.MetadataAdmin = draft.MetadataAdmin?.DeepClone();
        identity.ExternalId = string.IsNullOrEmpty(draft.ExternalId) ? null : draft.ExternalId;
        identity.UpdatedAt = now;

        var passwordConfig = await PasswordConfigAsync(draft, schema, cancellationToken);
        if (passwordConfig.Error is { } error)
        {
            return error;
        }

        IdentityCredentialsBuilder.Apply(identity, schema, passwordConfig.Config, now);
        if (draft.OidcProviders is { Count: > 0 } providers)
        {
            OidcLinkDraft.Apply(identity, providers, now);
        }

        IdentityCredentialsBuilder.ApplyAddresses(identity, schema, draft, now);
        return IdentityResult.Success(identity);
    }

    private async Task<(JsonObject? Config, TesseraError? Error)> PasswordConfigAsync(IdentityDraft draft, IdentitySchema schema, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(draft.HashedPassword))
        {
            return PasswordHasher.CheckImported(draft.HashedPassword) is { } reason
                ? (null, new TesseraError(ErrorCatalog.IdentityHashedPasswordInvalid, Reason: $"The hashed password cannot be imported: {reason}."))
                : (new JsonObject { ["hashed_password"] = draft.HashedPassword }, null);
        }

        if (draft.Password is null)
        {
            return (null, null);
        }

        var identifiers = IdentityCredentialsBuilder.Identifiers(draft.Traits, schema.PasswordIdentifiers);
        if (await policy.CheckAsync(draft.Password, identifiers, cancellationToken) is { } violation)
        {
            var messages = new[] { new TraitMessage("#/credentials/password/config/password", "password", violation) };
            return (null, new TesseraError(ErrorCatalog.IdentityPasswordRejected, Reason: violation.Text,
                Details: new Dictionary<string, object?> { ["messages"] = TraitMessageGroups.From(messages) }));
        }

        return (new JsonObject { ["hashed_password"] = await hasher.HashAsync(draft.Password, cancellationToken) }, null);
    }
}
