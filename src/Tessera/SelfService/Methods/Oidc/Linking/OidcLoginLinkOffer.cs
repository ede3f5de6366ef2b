// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Methods.Oidc.Providers;
using Tessera.SelfService.Methods.Password;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Oidc.Linking;

/// <summary>
/// Account takeover guard (Kratos's "sign in and link", 1010016): a provider that vouches for a verified e-mail an
/// existing identity already signs in with never signs into that identity. The user gets a new login flow for the
/// address, with 1010016, and the provider account is linked only once the existing account is proven there
/// (password or code; <see cref="OidcLoginLink"/>). An unverified provider e-mail never counts as proof (seed 002
/// oauth:email_not_verified): it goes on to registration, whose form says the address is taken.
/// </summary>
internal sealed class OidcLoginLinkOffer(
    IdentityStore identities, FlowFactory factory, FlowStarter starter, LoginFirstFactorForm form, PasswordLoginMethod password)
{
    public async Task<IResult?> OfferAsync(
        HttpContext context, Flow flow, OidcProvider provider, JsonObject claims, JsonObject entry, CancellationToken cancellationToken)
    {
        if (claims["email"]?.ToString() is not { Length: > 0 } email || !IsVerified(claims["email_verified"]))
        {
            return null;
        }

        // The provider proved the user controls this address, so naming the account that uses it reveals nothing new
        // to them (Kratos shows the same message); it is never shown for an unverified address.
        var owner = await identities.FindByCredentialIdentifierAsync(CredentialTypes.Password, email, cancellationToken)
            ?? await identities.FindByCredentialIdentifierAsync(CredentialTypes.Code, email, cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var returnTo = flow.ReturnTo is null ? null : new Uri(flow.ReturnTo);
        var login = factory.Create(context, FlowKind.Login, flow.Type, returnTo, LoginFlowService.StateChooseMethod);
        form.Add(login, email, await password.IdentifierLabelAsync(cancellationToken));
        login.Ui.Messages.Add(UiMessages.InfoSelfServiceLoginLink.With(new Dictionary<string, object?>
        {
            ["duplicate_identifier"] = email,
            ["duplicateIdentifier"] = email,
            ["provider"] = provider.Id,
            ["available_credential_types"] = owner.Credentials.Keys.Order(StringComparer.Ordinal).ToList(),
            ["available_providers"] = OidcCredential.LinkedProviders(owner),
        }));
        new OidcPendingLink(owner.Id, entry).SaveTo(login);
        return await starter.StartAsync(context, login, cancellationToken);
    }

    /// <summary><c>email_verified</c> as OpenID Connect says (a boolean), or the string "true" some providers send.</summary>
    public static bool IsVerified(JsonNode? claim) =>
        claim is JsonValue value && (value.TryGetValue<bool>(out var flag) ? flag : value.TryGetValue<string>(out var text) && text == "true");
}
