// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// The OAuth2 provider (Ory Hydra's API). Each entry reaches clients as an RFC 6749 body (<c>error</c> is the RFC
/// code of <see cref="OAuth2.OAuth2Errors"/>, <c>error_description</c>, <c>error_hint</c>, <c>error_uri</c> = this
/// entry's documentation page). Seed 003's client-side codes map here as each description says.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor OAuth2InvalidRequest = new(
        "oauth2_invalid_request", 400,
        "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.",
        "{problem}",
        "An OAuth2 endpoint received a request without a required parameter (for example introspection without `token`, a token request without `grant_type`), with a parameter twice, or not as `application/x-www-form-urlencoded`.",
        "Send the parameters the endpoint requires as a form body (RFC 6749 section 3.2, RFC 7662 section 2.1); `error_hint` names the parameter.",
        "An OAuth2 endpoint answers 400 invalid_request (seed row C2: introspection with an empty body)");

    public static readonly ErrorDescriptor OAuth2InvalidClient = new(
        "oauth2_invalid_client", 401,
        "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).",
        "The client could not be authenticated.",
        "The token, revocation or introspection request named a client that does not exist, or the secret or assertion did not match. Both answer identically, so the answer does not reveal which client ids exist. Seed 003: AUTH_INVALID_CLIENT and AUTH_INVALID_CREDENTIALS.",
        "Check the client id and secret (the secret is shown once, at creation or rotation: rotate it with `POST /admin/clients/{id}/secrets/rotate` if it was lost).",
        "The token endpoint answers 401 invalid_client (seed 003 AUTH_INVALID_CLIENT, AUTH_INVALID_CREDENTIALS)");

    public static readonly ErrorDescriptor OAuth2ClientMethodMismatch = new(
        "oauth2_client_auth_method_mismatch", 401,
        "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).",
        "The OAuth 2.0 Client supports client authentication method '{registered}', but method '{used}' was requested. You must configure the OAuth 2.0 client's 'token_endpoint_auth_method' value to accept '{used}'.",
        "The client is registered with one `token_endpoint_auth_method` (for example client_secret_basic: the secret in the Authorization header) and authenticated with another (the secret in the form body, or no secret at all). Seed row C3; seed 003 VALIDATION_MISSING_CLIENT_SECRET when a confidential client sent no secret.",
        "Authenticate the way the client is registered (the description names the method), or change the client's `token_endpoint_auth_method` with `PUT /admin/clients/{id}`.",
        "The token endpoint answers 401 invalid_client naming the registered method (seed row C3, seed 003 VALIDATION_MISSING_CLIENT_SECRET)");

    public static readonly ErrorDescriptor OAuth2UnauthorizedClient = new(
        "oauth2_unauthorized_client", 400,
        "The authenticated client is not authorized to use this authorization grant type.",
        "The client is not allowed to use the grant type '{grant_type}'.",
        "The client's `grant_types` do not include the grant it asked for (for example client_credentials on a client registered for authorization_code only).",
        "Add the grant type to the client's `grant_types` with `PUT /admin/clients/{id}`, or use a client registered for it.",
        "The token endpoint answers 400 unauthorized_client");

    public static readonly ErrorDescriptor OAuth2UnsupportedGrantType = new(
        "oauth2_unsupported_grant_type", 400,
        "The authorization grant type is not supported by the authorization server.",
        "{problem}",
        "The token request's `grant_type` is not one Tessera implements (authorization_code, client_credentials, refresh_token).",
        "Use one of the grant types listed in `/.well-known/openid-configuration` (`grant_types_supported`).",
        "The token endpoint answers 400 unsupported_grant_type");

    public static readonly ErrorDescriptor OAuth2InvalidScope = new(
        "oauth2_invalid_scope", 400,
        "The requested scope is invalid, unknown, or malformed.",
        "The OAuth 2.0 Client is not allowed to request scope '{scope}'.",
        "The request asked for a scope (or an audience) that is not in the client's `scope` (or `audience`) list.",
        "Add the scope to the client's `scope` (space separated) or `audience` with `PUT /admin/clients/{id}`, or request less.",
        "The token endpoint answers 400 invalid_scope");

    public static readonly ErrorDescriptor OAuth2InvalidGrant = new(
        "oauth2_invalid_grant", 400,
        "The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        "{problem}",
        "The authorization code or refresh token is unknown, expired, revoked, or belongs to another client. Seed 003: AUTH_INVALID_GRANT.",
        "Start a new authorization (codes live `ttl.auth_code`, refresh tokens `ttl.refresh_token`); never share a refresh token between clients.",
        "The token endpoint answers 400 invalid_grant (seed 003 AUTH_INVALID_GRANT)");

    public static readonly ErrorDescriptor OAuth2AccessDenied = new(
        "oauth2_access_denied", 403,
        "The resource owner or authorization server denied the request.",
        "{problem}",
        "The user refused consent, a login or consent was rejected through the admin API, or the token hook answered 403. Seed 003: AUTH_FORBIDDEN.",
        "Nothing to fix on the server: the user or the operator's hook said no. Ask the user again, or see the hook's execution log.",
        "An OAuth2 endpoint answers or redirects with access_denied (seed 003 AUTH_FORBIDDEN)");

    public static readonly ErrorDescriptor OAuth2ServerError = new(
        "oauth2_server_error", 500,
        "The authorization server encountered an unexpected condition that prevented it from fulfilling the request.",
        "{problem}",
        "Something on the server side failed while answering an OAuth2 request (a token hook answering an error or timing out: seed row C4).",
        "See the server log for the request id; for hook failures, the hook execution log names the status the hook answered.",
        "An OAuth2 endpoint answers 500 server_error");

    public static readonly ErrorDescriptor OAuth2TemporarilyUnavailable = new(
        "oauth2_temporarily_unavailable", 503,
        "The authorization server is currently unable to handle the request due to a temporary overloading or maintenance of the server.",
        "{problem}",
        "Another request is using the same refresh token at this very moment (concurrent refreshes: exactly one wins), or the database is briefly unavailable.",
        "Retry after a short delay: within the refresh token's grace period the retry receives the same new token pair the winner got.",
        "The token endpoint answers 503 temporarily_unavailable");

    public static readonly ErrorDescriptor OAuth2UnsupportedTokenType = new(
        "oauth2_unsupported_token_type", 400,
        "The authorization server does not support the revocation of the presented token type.",
        "{problem}",
        "The revocation request's `token_type_hint` is not access_token or refresh_token.",
        "Send access_token or refresh_token as `token_type_hint`, or leave it out.",
        "The revocation endpoint answers 400 unsupported_token_type");

    public static readonly ErrorDescriptor OAuth2ClientNotFound = new(
        "oauth2_client_not_found", 404,
        "Unable to locate the resource.",
        "The OAuth 2.0 client \"{client_id}\" does not exist.",
        "The admin API was asked for a client id that does not exist in this project (or was deleted).",
        "List the clients with `GET /admin/clients`.",
        "GET/PUT/PATCH/DELETE /admin/clients/{id} answers 404");

    public static readonly ErrorDescriptor OAuth2ClientConflict = new(
        "oauth2_client_conflict", 409,
        "Unable to insert or update resource because a resource with that value exists already.",
        "An OAuth 2.0 client with the id \"{client_id}\" exists already.",
        "`POST /admin/clients` named a `client_id` that is taken.",
        "Choose another `client_id`, or leave it out and let Tessera generate one.",
        "POST /admin/clients answers 409");

    public static readonly ErrorDescriptor OAuth2ClientMetadataInvalid = new(
        "oauth2_invalid_client_metadata", 400,
        "The value of one of the Client Metadata fields is invalid and the server has rejected this request.",
        "{problem}",
        "A client sent to the admin API has a field of the wrong type, an unknown grant or response type, an unsupported `token_endpoint_auth_method`, a redirect URI that is not absolute, a secret shorter than 6 characters, or an invalid JSON Patch.",
        "Send Hydra's client shape (`error_hint` names the field).",
        "POST/PUT/PATCH /admin/clients answers 400 invalid_client_metadata");

    public static readonly ErrorDescriptor OAuth2KeySetNotFound = new(
        "oauth2_key_set_not_found", 404,
        "Unable to locate the resource.",
        "The JSON Web Key Set \"{set}\" does not exist.",
        "`GET /admin/keys/{set}` named a set that holds no keys.",
        "Create a key in the set with `POST /admin/keys/{set}`; the provider's own sets are hydra.openid.id-token and hydra.jwt.access-token.",
        "GET /admin/keys/{set} answers 404");

    public static readonly ErrorDescriptor OAuth2KeyNotFound = new(
        "oauth2_key_not_found", 404,
        "Unable to locate the resource.",
        "The JSON Web Key \"{kid}\" does not exist in set \"{set}\".",
        "`GET`, `PUT` or `DELETE /admin/keys/{set}/{kid}` or `DELETE /admin/keys/{set}` named a key or set that holds no live key (never created, or already deleted).",
        "List the set's keys with `GET /admin/keys/{set}`; create one with `POST /admin/keys/{set}` or import one with `PUT /admin/keys/{set}`.",
        "GET or DELETE /admin/keys/{set}/{kid} answers 404");

    public static readonly ErrorDescriptor OAuth2KeyRequestInvalid = new(
        "oauth2_key_request_invalid", 400,
        "The request was malformed or contained invalid parameters.",
        "{problem}",
        "`POST /admin/keys/{set}` asked for an algorithm other than ES256 or RS256, or a use other than sig; or `PUT /admin/keys/{set}[/{kid}]` sent a key that is not an ES256 (P-256) or RS256 signing key with its private part, or whose kid differs from the path's.",
        "Send `{\"alg\": \"ES256\", \"use\": \"sig\", \"kid\": \"...\"}` (RS256 also works); to import, send the JWK with its private parameters (`d`, and for RSA `p`, `q`, `dp`, `dq`, `qi`).",
        "POST /admin/keys/{set} answers 400");

    public static readonly ErrorDescriptor OAuth2RefreshTokenReused = new(
        "oauth2_refresh_token_reused", 400,
        "The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        "The refresh token was already used (rotated) {since} ago, beyond the grace period: every token of this grant has been revoked.",
        "A refresh token is single use: each refresh returns a new one. The same token came back after `oauth2.grant.refresh_token.rotation_grace_period`, which is what a stolen token looks like, so the whole chain was revoked (seed row C1). Seed 003: AUTH_INVALID_GRANT.",
        "Store the new refresh token of every refresh answer before using it; retry a timed-out refresh within the grace period (it returns the same pair). The user must sign in again.",
        "The token endpoint answers 400 invalid_grant for a reused refresh token (seed row C1)");

    public static readonly ErrorDescriptor OAuth2AuthorizationCodeReused = new(
        "oauth2_authorization_code_reused", 400,
        "The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        "The authorization code has been used already; the tokens issued for it are revoked.",
        "An authorization code is single use (RFC 6749 section 4.1.2): it was redeemed before, by this request's sender or by whoever intercepted it, so the tokens of the first redemption were revoked too. Seed 003: AUTH_INVALID_GRANT (reused code).",
        "Redeem each code once; start a new authorization for new tokens.",
        "The token endpoint answers 400 invalid_grant for a reused authorization code (seed 003 AUTH_INVALID_GRANT)");

    public static readonly ErrorDescriptor OAuth2AuthorizationCodeInvalid = new(
        "oauth2_authorization_code_invalid", 400,
        "The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        "{problem}",
        "The authorization code is expired (`ttl.auth_code`), was issued to another client, or is not one Tessera issued. Seed 003: AUTH_INVALID_GRANT (expired code).",
        "Redeem codes at once, with the client that asked for them; start a new authorization.",
        "The token endpoint answers 400 invalid_grant for an expired or foreign code (seed 003 AUTH_INVALID_GRANT)");

    public static readonly ErrorDescriptor OAuth2PkceInvalid = new(
        "oauth2_pkce_invalid", 400,
        "The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        "{problem}",
        "The `code_verifier` is missing, or its S256 hash is not the `code_challenge` the authorization request sent (RFC 7636 section 4.6). Seed 003: VALIDATION_INVALID_PKCE.",
        "Send the verifier whose SHA-256 (base64url) was the challenge, with the code it belongs to.",
        "The token endpoint answers 400 invalid_grant: PKCE verification failed (seed 003 VALIDATION_INVALID_PKCE)");

    public static readonly ErrorDescriptor OAuth2RedirectUriMismatch = new(
        "oauth2_redirect_uri_mismatch", 400,
        "The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        "{problem}",
        "The token request's `redirect_uri` is missing or differs from the one of the authorization request (RFC 6749 section 4.1.3). Seed 003: VALIDATION_REDIRECT_URI_REQUIRED.",
        "Send the same `redirect_uri` in the token request as in the authorization request.",
        "The token endpoint answers 400 for a missing or different redirect_uri (seed 003 VALIDATION_REDIRECT_URI_REQUIRED)");
}
