// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// Saves a settings change through the one <see cref="IdentityManager"/> (schema validation, password policy,
/// hashing, unique identifiers), keeping everything the user cannot change here (state, metadata, external id),
/// and turns its validation failures into messages on the form.
/// </summary>
internal sealed class SettingsIdentityWriter(IdentityManager identities)
{
    public async Task<SettingsOutcome> SaveAsync(UiContainer ui, Identity identity, JsonObject traits, string? password, CancellationToken cancellationToken)
    {
        // What the user cannot change here is taken from the identity as stored when it is written, so an admin's
        // concurrent change (disabling the identity, new metadata) is not undone by a settings form opened before it.
        var result = await identities.UpdateAsync(
            identity.Id,
            current => new IdentityDraft(current.SchemaId, traits, current.State, current.MetadataPublic, current.MetadataAdmin, current.ExternalId, Password: password),
            cancellationToken);
        if (result.Succeeded)
        {
            return SettingsOutcome.Success(result.Value);
        }

        if (result.Error.Descriptor == ErrorCatalog.IdentityConflict)
        {
            // The user learns only that the identifier is taken, which an identifier change cannot hide.
            ui.AddMessage(null, UiMessages.ValidationDuplicateCredentials.With());
            return SettingsOutcome.Rerender();
        }

        if (result.Error.Details?.GetValueOrDefault("messages") is IReadOnlyList<TraitMessageGroups> groups)
        {
            foreach (var group in groups)
            {
                foreach (var message in group.Messages)
                {
                    ui.AddMessage(group.Name, message);
                }
            }

            return SettingsOutcome.Rerender();
        }

        return SettingsOutcome.Failed(result.Error);
    }
}
