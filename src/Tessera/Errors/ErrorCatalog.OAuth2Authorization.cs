// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// OAuth2 authorization: Hydra's login, consent and logout request API (<c>/admin/oauth2/auth/...</c>), the consent
/// page, and the authorization, userinfo and logout endpoints' own failures.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor OAuth2ChallengeMissing = new(
        "oauth2_challenge_missing", 400,
        "The request names no challenge.",
        "Query parameter '{parameter}' is not defined but should have been.",
        "A login, consent or logout request call was made without its `login_challenge`, `consent_challenge` or `logout_challenge` query parameter.",
        "Pass the challenge Tessera appended to the login, consent or logout URL, e.g. `?login_challenge=...`.");

    public static readonly ErrorDescriptor OAuth2RequestNotFound = new(
        "oauth2_request_not_found", 404,
        "Unable to locate the requested resource.",
        "No {kind} request has this challenge.",
        "The challenge was never issued by this deployment, was mistyped, or belongs to a request removed after it expired.",
        "Use the challenge from the URL Tessera redirected the browser to; start a new authorization request if it is old.");

    public static readonly ErrorDescriptor OAuth2RequestHandled = new(
        "oauth2_request_handled", 409,
        "Unable to process the requested resource because of conflict in the current state.",
        "The {kind} request was already handled and can no longer be changed.",
        "A challenge is single use: the request was accepted or rejected before (perhaps by a retried call or a second tab).",
        "Follow the `redirect_to` of the first answer; a repeated accept or reject cannot change the outcome.");

    public static readonly ErrorDescriptor OAuth2RequestExpired = new(
        "oauth2_request_expired", 401,
        "The request has expired.",
        "The {kind} request has expired, please try again.",
        "The login, consent or logout request was not handled within `ttl.login_consent_request`.",
        "Handle requests promptly or raise `ttl.login_consent_request`; the user starts again at the client.");

    public static readonly ErrorDescriptor OAuth2HandleRequestInvalid = new(
        "oauth2_handle_request_invalid", 400,
        "The request is not valid.",
        "{problem}",
        "The accept or reject body is not the shape Hydra's API defines (a JSON object with the documented fields), or a required field is empty.",
        "Send Hydra's `acceptOAuth2LoginRequest`, `acceptOAuth2ConsentRequest` or `rejectOAuth2Request` body; `subject` is required to accept a login.");

    public static readonly ErrorDescriptor OAuth2ConsentSubjectMissing = new(
        "oauth2_consent_subject_missing", 400,
        "The request names no subject.",
        "Query parameter '{parameter}' is not defined but should have been.",
        "Listing consent sessions needs `subject`; revoking them needs `subject` (or `client` with `all=true`); revoking login sessions needs `subject` or `sid`.",
        "Pass `?subject=<identity id>`.");

    public static readonly ErrorDescriptor OAuth2ConsentNotYours = new(
        "oauth2_consent_not_yours", 403,
        "This consent request belongs to another user.",
        "The consent request can only be answered by the signed-in user it was made for.",
        "The consent page was opened without a Tessera session, or with the session of another identity than the one who signed in for this authorization request (a shared or forwarded link).",
        "Start again at the application: it sends you through sign-in to a consent request of your own.");
}
