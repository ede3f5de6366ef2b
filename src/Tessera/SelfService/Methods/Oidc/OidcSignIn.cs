// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.Security.Cipher;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Flows.Registration;
using Tessera.SelfService.Methods.Oidc.Callback;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// The provider vouched for a subject: an identity holding that <c>{provider}:{subject}</c> is signed in (from a login
/// or a registration flow, as Kratos does); otherwise one is registered from the mapped claims, with the oidc
/// credential. Mapped traits the schema refuses, or an address another identity already uses, answer with the
/// registration form pre-filled and its messages: never an automatic link to the existing account.
/// </summary>
internal sealed class OidcSignIn(
    IdentityStore identities, IdentitySchemaRegistry schemas, RegistrationIdentityCreator creator, RegistrationOutcome registration,
    LoginOutcome login, SecretCipher cipher)
{
    public async Task<IResult> CompleteAsync(
        HttpContext context, Flow flow, OidcProvider provider, JsonObject claims, OidcTokens tokens, CancellationToken cancellationToken)
    {
        if (claims["sub"]?.ToString() is not { Length: > 0 } subject)
        {
            return new ErrorResult(ErrorCatalog.SocialSignInClaimsMissing.With(new Dictionary<string, object?> { ["claim"] = "sub" }));
        }

        var known = await identities.FindByCredentialIdentifierAsync(CredentialTypes.Oidc, OidcCredential.Identifier(provider.Id, subject), cancellationToken);
        if (known is not null)
        {
            return await login.SignInAsync(context, flow, known, CredentialTypes.Oidc, cancellationToken);
        }

        var mapped = provider.Mapper.Map(claims);
        var traits = mapped["traits"] as JsonObject ?? [];
        var schema = await schemas.DefaultAsync(cancellationToken);
        var draft = new IdentityDraft(schema.Id, (JsonObject)traits.DeepClone(), MetadataPublic: mapped["metadata_public"]?.DeepClone(),
            MetadataAdmin: mapped["metadata_admin"]?.DeepClone());
        var created = await creator.CreateAsync(context, flow, draft, cancellationToken, CredentialTypes.Oidc,
            identity => identity.Credentials[CredentialTypes.Oidc] = OidcCredential.Create(cipher, provider.Id, subject, provider.OrganizationId, tokens));
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
