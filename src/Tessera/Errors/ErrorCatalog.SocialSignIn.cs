// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// Social sign-in (SelfService/Methods/Oidc): what can go wrong between Tessera and an identity provider, under the
/// ids the seed mapping gives them (seed 002's <c>oauth:*</c>, seed 003's <c>PROVIDER_*</c>; each cause names its
/// seed codes). A provider that fails or answers garbage is <see cref="UpstreamError"/> (502) with <c>details.reason</c>.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor ProviderNotFound = new(
        "provider_not_found", 404,
        "The identity provider is not known.",
        "No identity provider \"{provider}\" is offered.",
        "A sign-in or callback named a provider id that is not in `selfservice.methods.oidc.config.providers`, or the oidc method is disabled (`selfservice.methods.oidc.enabled: false`): a provider that is not offered is indistinguishable from an unknown one. Seed 003: PROVIDER_NOT_FOUND, PROVIDER_NOT_ENABLED.",
        "Use a provider id from the flow's oidc buttons. Operators: enable the method and list the provider.",
        "Signing in with a provider answers 404 (seed 003 PROVIDER_NOT_FOUND)")
    {
        SeedCodes = [new("PROVIDER_NOT_FOUND"), new("PROVIDER_NOT_ENABLED", "A provider not offered (or the oidc method disabled) is indistinguishable from an unknown one: 404, not 403.")],
    };

    public static readonly ErrorDescriptor OAuthStateInvalid = new(
        "oauth_state_invalid", 400,
        "The sign-in with the identity provider could not be matched to this browser.",
        "The state of the provider's answer is {problem}.",
        "The provider's redirect back to `/self-service/methods/oidc/callback/{provider}` carried no `state`, a `state` this browser did not start (another browser, a forged link), or one already used. Seed 002: oauth:invalid_state.",
        "Start the sign-in again from the login or registration page, in the same browser.",
        "The provider's redirect back answers 400 (seed 002 oauth:invalid_state)")
    {
        SeedCodes = [new("oauth:invalid_state")],
    };

    public static readonly ErrorDescriptor OAuthStateExpired = new(
        "oauth_state_expired", 400,
        "The sign-in with the identity provider took too long.",
        "The flow this sign-in belongs to expired at {expired_at}.",
        "The provider redirected back after the login or registration flow that started the sign-in expired (`selfservice.flows.*.lifespan`). Seed 002: oauth:state_expired.",
        "Start the sign-in again and finish it at the provider before the flow expires.",
        "The provider's redirect back answers 400 (seed 002 oauth:state_expired)")
    {
        SeedCodes = [new("oauth:state_expired", "Browsers get a fresh login or registration flow carrying 4010001 / 4040001.")],
    };

    public static readonly ErrorDescriptor ProviderRefused = new(
        "provider_refused", 400,
        "The identity provider refused the sign-in.",
        "The provider answered {provider_error}: {provider_error_description}",
        "The provider redirected back with `error=` (`access_denied` when the user declined at the provider; others such as `invalid_scope` or `unauthorized_client` for a client registration that does not match). `details.provider_error` is the provider's code.",
        "Users: start again and allow the sign-in at the provider. Operators: for errors other than access_denied, check the client's registration at the provider (redirect URI, scopes).",
        "The provider's redirect back answers 400 with the provider's error");

    public static readonly ErrorDescriptor ProviderIdTokenInvalid = new(
        "provider_id_token_invalid", 502,
        "The identity provider's ID token is not valid.",
        "The ID token was refused: {problem}.",
        "The ID token's signature does not verify against the provider's JWKS (even after fetching it again, for rotated keys), or its issuer, audience, expiry or nonce is wrong. `details.reason` names which: signature_key_unknown, signature_invalid, audience_mismatch, issuer_mismatch, expired, nonce_mismatch, malformed. Seed 002: oauth:user_info_parse_failed (a token that cannot be trusted).",
        "Operators: check issuer_url and client_id against the provider; audience_mismatch usually means the client_id belongs to another registration.",
        "The provider's redirect back answers 502: the ID token was refused");

    public static readonly ErrorDescriptor ProviderUnavailable = new(
        "provider_unavailable", 503,
        "The identity provider could not be reached.",
        "The provider's {endpoint} could not be reached: {problem}.",
        "Tessera could not connect to the provider, the connection broke before an answer, or the provider did not answer within 10 seconds (discovery, JWKS, token or user info endpoint); a URL refused by `clients.http.disallow_private_ip_ranges` lands here too. Seed 003: PROVIDER_UNAVAILABLE, PROVIDER_INITIALIZATION_FAILED.",
        "Retry with back-off. Operators: check that the provider's URLs are reachable from the server (and not private addresses while `disallow_private_ip_ranges` is on).",
        "Signing in with a provider answers 503 (seed 003 PROVIDER_UNAVAILABLE)")
    {
        SeedCodes = [new("PROVIDER_UNAVAILABLE"), new("PROVIDER_INITIALIZATION_FAILED", "Discovery or JWKS could not be fetched (they are fetched at first use, never at start-up): retryable, 503.")],
    };

    public static readonly ErrorDescriptor ProviderCredentialsRejected = new(
        "provider_credentials_rejected", 502,
        "The identity provider rejected Tessera's client credentials.",
        "The provider's token endpoint answered {status_code} invalid_client.",
        "The token endpoint refused Tessera's own `client_id` / `client_secret` (rotated, expired or mistyped): the user is not at fault. Seed 003: PROVIDER_AUTHENTICATION_FAILED.",
        "Operators: put the client secret the provider currently holds in `selfservice.methods.oidc.config.providers[].client_secret` and restart.",
        "The provider's redirect back answers 502: the provider refused the client (seed 003 PROVIDER_AUTHENTICATION_FAILED)")
    {
        SeedCodes = [new("PROVIDER_AUTHENTICATION_FAILED", "502, not 401: the caller is fine, Tessera's own client credentials at the provider are not.")],
    };
}
