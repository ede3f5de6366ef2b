// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Login;
using Tessera.SelfService.Methods.Oidc.Callback;
using Tessera.SelfService.Methods.Oidc.Linking;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc;

/// <summary>
/// The provider vouched for a subject: an identity holding that <c>{provider}:{subject}</c> is signed in (from a login
/// or a registration flow, as Kratos does). Otherwise, when the provider's verified e-mail is one an existing identity
/// signs in with, the user must prove that account first (<see cref="OidcLoginLinkOffer"/>: never an automatic link);
/// else an identity is registered (<see cref="OidcSignUp"/>).
/// </summary>
internal sealed class OidcSignIn(IdentityStore identities, LoginOutcome login, OidcLinks links, OidcLoginLinkOffer linkOffer, OidcSignUp signUp)
{
    public async Task<IResult> CompleteAsync(
        HttpContext context, Flow flow, OidcProvider provider, JsonObject claims, OidcTokens tokens, CancellationToken cancellationToken)
    {
        if (claims["sub"]?.ToString() is not { Length: > 0 } subject)
        {
            return new ErrorResult(OidcFailures.Unusable(provider.IssuesIdTokens ? "ID token" : "user info endpoint", "subject_missing", "it names no subject (sub)"));
        }

        var known = await identities.FindByCredentialIdentifierAsync(CredentialTypes.Oidc, OidcCredential.Identifier(provider.Id, subject), cancellationToken);
        if (known is not null)
        {
            return await login.SignInAsync(context, flow, known, CredentialTypes.Oidc, cancellationToken);
        }

        var entry = links.Entry(provider, subject, tokens);
        return await linkOffer.OfferAsync(context, flow, provider, claims, entry, cancellationToken)
            ?? await signUp.RegisterAsync(context, flow, provider, claims, entry, cancellationToken);
    }
}
