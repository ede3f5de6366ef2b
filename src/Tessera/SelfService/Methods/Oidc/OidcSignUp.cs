// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Registration;
using Tessera.SelfService.Methods.Oidc.Linking;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// A provider account no identity holds yet: an identity is registered from the mapped claims, with the oidc
/// credential. Mapped traits the schema refuses, or an address another identity already uses, answer with the
/// registration form pre-filled and its messages.
/// </summary>
internal sealed class OidcSignUp(IdentitySchemaRegistry schemas, RegistrationIdentityCreator creator, RegistrationOutcome registration, OidcLinks links)
{
    public async Task<IResult> RegisterAsync(
        HttpContext context, Flow flow, OidcProvider provider, JsonObject claims, JsonObject entry, CancellationToken cancellationToken)
    {
        var mapped = provider.Mapper.Map(claims);
        var traits = mapped["traits"] as JsonObject ?? [];
        var schema = await schemas.DefaultAsync(cancellationToken);
        var draft = new IdentityDraft(schema.Id, (JsonObject)traits.DeepClone(), MetadataPublic: mapped["metadata_public"]?.DeepClone(),
            MetadataAdmin: mapped["metadata_admin"]?.DeepClone());
        var created = await creator.CreateAsync(context, flow, draft, cancellationToken, CredentialTypes.Oidc,
            identity => identity.Credentials[CredentialTypes.Oidc] = links.NewCredential(entry));
        if (created is null)
        {
            return await registration.AlreadyCompletedAsync(context, flow, cancellationToken);
        }

        if (!created.Succeeded)
        {
            // The form, pre-filled with what the provider sent, shows what is missing or taken.
            RegistrationNodes.Clear(flow.Ui);
            flow.Ui.ClearMessages();
            RegistrationNodes.AddProfileStep(flow.Ui, schema, traits);
            return await registration.FailedAsync(context, flow, created.Error, cancellationToken);
        }

        return await registration.CompleteAsync(context, flow, created.Value, cancellationToken, CredentialTypes.Oidc);
    }
}
