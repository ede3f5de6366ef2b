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
internal sealed class OidcSignUp(IdentitySchemaRegistry schemas, RegistrationIdentityCreator creator, RegistrationOutcome registration, OidcLinks links,
    TimeProvider clock)
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
            identity =>
            {
                identity.Credentials[CredentialTypes.Oidc] = links.NewCredential(entry);
                MarkVerified(identity, claims);
            });
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

    /// <summary>
    /// The provider vouched for the e-mail (<c>email_verified: true</c>): the identity's verifiable address with that
    /// value (the schema marks which traits are verifiable) starts verified. An unverified provider e-mail changes nothing.
    /// </summary>
    private void MarkVerified(Identity identity, JsonObject claims)
    {
        if (claims["email"]?.ToString() is not { Length: > 0 } email || !OidcLoginLinkOffer.IsVerified(claims["email_verified"]))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var address in identity.VerifiableAddresses.Where(a => a.Via == "email" && a.Value == IdentifierNormalizer.Normalize(email)))
        {
            address.Verified = true;
            address.VerifiedAt = now;
            address.Status = VerifiableAddress.StatusCompleted;
        }
    }
}
