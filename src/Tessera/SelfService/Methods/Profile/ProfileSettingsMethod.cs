// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Profile;

/// <summary>
/// The <c>profile</c> settings method: the identity's traits. Changing an identifier or an address (something a
/// login or an account recovery goes through) needs a privileged session, like a password change; changing more
/// than one address in one submission is refused (4050002), so each address change can be verified on its own.
/// </summary>
internal sealed class ProfileSettingsMethod(SettingsIdentityWriter writer) : ISettingsMethod
{
    public const string MethodName = "profile";

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        TraitNodes.Add(form.Flow.Ui, MethodName, form.Schema, form.Identity.Traits);
        form.Flow.Ui.Nodes.Add(SettingsNodes.Submit(MethodName, MethodName));
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        var (flow, identity, schema) = (submission.Flow, submission.Identity, submission.Schema);
        var traits = submission.Body.Traits;
        if (traits is null)
        {
            flow.Ui.AddMessage(null, UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = "traits" }));
            return SettingsOutcome.Rerender();
        }

        // Keep what was typed on the form whatever happens next.
        TraitNodes.SetValues(flow.Ui, schema, traits);
        var before = Addresses(schema, identity.Traits);
        var after = Addresses(schema, traits);
        if (Math.Max(after.Except(before).Count(), before.Except(after).Count()) > 1)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationSettingsTooManyAddressChanges.With());
            return SettingsOutcome.Rerender();
        }

        if (!submission.Privileged && !Identifiers(schema, identity.Traits).SetEquals(Identifiers(schema, traits)))
        {
            return SettingsOutcome.RefreshRequired;
        }

        return await writer.SaveAsync(flow.Ui, identity, traits, password: null, cancellationToken);
    }

    /// <summary>The verification and recovery addresses the traits hold (<c>via:value</c>, normalised).</summary>
    private static HashSet<string> Addresses(IdentitySchema schema, JsonObject traits) =>
        schema.VerifiableAddresses.Select(f => (f, via: f.Extension.VerificationVia))
            .Concat(schema.RecoveryAddresses.Select(f => (f, via: f.Extension.RecoveryVia)))
            .SelectMany(x => IdentitySchema.Values(traits, x.f).Select(v => $"{x.via}:{IdentifierNormalizer.Normalize(v)}"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Everything a person can be found by: login identifiers, code identifiers and addresses.</summary>
    private static HashSet<string> Identifiers(IdentitySchema schema, JsonObject traits)
    {
        var identifiers = IdentityCredentialsBuilder.Identifiers(traits, schema.PasswordIdentifiers.Concat(schema.CodeIdentifiers))
            .ToHashSet(StringComparer.Ordinal);
        identifiers.UnionWith(Addresses(schema, traits));
        return identifiers;
    }
}
