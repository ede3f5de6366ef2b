// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// Social sign-in (SelfService/Methods/Oidc): what can go wrong between Tessera and an identity provider. The seed
/// codes they stand for (seed 002's <c>oauth:*</c>, seed 003's <c>PROVIDER_*</c>) are in docs/errors.md's mapping.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor SocialSignInProviderNotFound = new(
        "social_sign_in_provider_not_found", 404,
        "The identity provider is not known.",
        "No identity provider \"{provider}\" is configured.",
        "A sign-in or callback named a provider id that is not in `selfservice.methods.oidc.config.providers`.",
        "Use a provider id from the configuration (the `provider` value of the flow's oidc buttons).");

    public static readonly ErrorDescriptor SocialSignInDisabled = new(
        "social_sign_in_disabled", 403,
        "Sign-in with other identity providers is disabled.",
        "The oidc method is disabled (selfservice.methods.oidc.enabled is false).",
        "A sign-in or callback used the oidc method while `selfservice.methods.oidc.enabled` is false.",
        "Operators: set `selfservice.methods.oidc.enabled: true` to offer the providers; users: sign in another way.");

    public static readonly ErrorDescriptor SocialSignInStateInvalid = new(
        "social_sign_in_state_invalid", 400,
        "The sign-in with the identity provider could not be matched to this browser.",
        "The state of the provider's answer is {problem}.",
        "The provider's redirect back to `/self-service/methods/oidc/callback/{provider}` carried no `state`, a `state` this browser did not start (another browser, a forged link), one already used, or one whose flow expired.",
        "Start the sign-in again from the login or registration page, in the same browser, and finish it before the flow expires.");

    public static readonly ErrorDescriptor SocialSignInProviderRefused = new(
        "social_sign_in_provider_refused", 400,
        "The identity provider refused the sign-in.",
        "The provider answered {provider_error}: {provider_error_description}",
        "The provider redirected back with `error=` (`access_denied` when the user declined; others for a misconfigured client).",
        "Users: start again and allow the sign-in at the provider. Operators: for errors other than access_denied, check the client's registration at the provider (redirect URI, scopes).");

    public static readonly ErrorDescriptor SocialSignInTokenExchangeRefused = new(
        "social_sign_in_token_exchange_refused", 502,
        "The identity provider refused to exchange the authorization code.",
        "The provider's token endpoint answered {status_code}.",
        "The token endpoint refused the code (`invalid_grant`: used or expired; `invalid_client`: wrong client_secret) or failed (5xx).",
        "Start the sign-in again. Operators: check client_id and client_secret against the provider's registration, and the provider's health.");

    public static readonly ErrorDescriptor SocialSignInResponseInvalid = new(
        "social_sign_in_response_invalid", 502,
        "The identity provider answered with something Tessera cannot read.",
        "The provider's {endpoint} answer could not be used: {problem}.",
        "The provider's discovery document, JWKS, token or user info endpoint answered 2xx with a body that is not the JSON the protocol requires.",
        "Operators: check the provider's issuer_url / token_url (a proxy's HTML page instead of the provider is a common cause).");

    public static readonly ErrorDescriptor SocialSignInIdTokenInvalid = new(
        "social_sign_in_id_token_invalid", 502,
        "The identity provider's ID token is not valid.",
        "The ID token was refused: {problem}.",
        "The ID token's signature does not verify against the provider's JWKS (even after fetching it again), or its issuer, audience, expiry or nonce is wrong. `details.reason` names which.",
        "Operators: check issuer_url and client_id against the provider; a wrong audience usually means the client_id belongs to another registration.");

    public static readonly ErrorDescriptor SocialSignInProviderUnavailable = new(
        "social_sign_in_provider_unavailable", 502,
        "The identity provider could not be reached.",
        "The provider's {endpoint} could not be reached.",
        "Tessera could not connect to the provider (down, refused, DNS, or refused by `clients.http.disallow_private_ip_ranges`) or the connection broke before an answer.",
        "Retry later. Operators: check that the provider's URLs are reachable from the server.");

    public static readonly ErrorDescriptor SocialSignInProviderTimeout = new(
        "social_sign_in_provider_timeout", 504,
        "The identity provider did not answer in time.",
        "The provider's {endpoint} did not answer within {timeout}.",
        "A call to the provider took longer than Tessera waits for it.",
        "Retry later. Operators: check the provider's latency from the server.");

    public static readonly ErrorDescriptor SocialSignInClaimsMissing = new(
        "social_sign_in_claims_missing", 400,
        "The identity provider did not send the data the sign-in needs.",
        "The provider's data lacks {claim}.",
        "The ID token or user info has no `sub` (subject), or the mapped traits cannot identify the user.",
        "Operators: request the scopes the mapper needs (`scope`, e.g. email) and check the mapper's claim paths.");
}
