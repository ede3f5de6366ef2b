// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// OpenID Connect RP-initiated logout at <c>/oauth2/sessions/logout</c> (Hydra's <c>revokeOidcSession</c>): refusals
/// are never redirected to the client (its redirect URI is what could not be trusted), they are shown on the error UI.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor OAuth2LogoutIdTokenHintInvalid = new(
        "oauth2_logout_id_token_hint_invalid", 400,
        "The logout request could not be verified.",
        "The 'id_token_hint' is not an ID token this server issued: {problem}",
        "The relying party sent an `id_token_hint` that is malformed, signed with a key that is not (or no longer) in `/.well-known/jwks.json`, or issued by another issuer. Expired ID tokens are accepted as hints.",
        "Send the ID token the client received from this server's token endpoint; if its signing key was deleted with `DELETE /admin/keys/{set}/{kid}`, sign in again to get a new one.");

    public static readonly ErrorDescriptor OAuth2LogoutRedirectUriUnregistered = new(
        "oauth2_logout_redirect_uri_unregistered", 400,
        "The logout request could not be completed.",
        "The 'post_logout_redirect_uri' is not registered for the OAuth 2.0 Client '{client_id}'.",
        "The relying party asked to be sent back to a `post_logout_redirect_uri` that is not one of the client's `post_logout_redirect_uris`; Tessera never redirects to an unregistered address.",
        "Register the exact URI in the client's `post_logout_redirect_uris` with `PUT /admin/clients/{id}`.");

    public static readonly ErrorDescriptor OAuth2LogoutHintRequired = new(
        "oauth2_logout_id_token_hint_required", 400,
        "The logout request could not be completed.",
        "{problem}",
        "A logout request named a `post_logout_redirect_uri` without an `id_token_hint` (the hint names the client the address must be registered for), or asked Tessera's own logout app to end a signed-in session without a hint (without one the request could come from any site, so nothing is ended).",
        "Send the ID token the client received as `id_token_hint`, or sign out through Tessera's own logout (`/self-service/logout/browser`); operators who want a confirmation page for hint-less requests configure `urls.logout`.");

    public static readonly ErrorDescriptor OAuth2LogoutVerifierInvalid = new(
        "oauth2_logout_verifier_invalid", 400,
        "The logout request could not be completed.",
        "The logout verifier has already been used, has not been granted, or is invalid.",
        "The browser came back to `/oauth2/sessions/logout` with a `logout_verifier` that the logout app never received from an accept, that was already redeemed, or whose request expired (`ttl.login_consent_request`).",
        "Start the logout again at the client.");
}
