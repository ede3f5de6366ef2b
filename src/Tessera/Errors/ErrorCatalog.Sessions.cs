// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Session errors, with Kratos's ids.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor SessionInactive = new(
        "session_inactive", 401,
        "The request does not carry a valid session.",
        "No active session was found in this request.",
        "The request carried no session cookie or token, or the one it carried is unknown, revoked or expired. In browsers this is most often a cookie that never arrived: it was set for another domain, or the page runs on a different host than Tessera.",
        "Log in again. Operators: check that `cookies.domain` / `session.cookie.domain` cover both the application's and Tessera's host, that API clients send `X-Session-Token` or `Authorization: Bearer`, and that `session.lifespan` is long enough.",
        "whoami or a session-protected endpoint answers 401: the session cookie or token did not arrive or is no longer valid");

    public static readonly ErrorDescriptor SessionAal2Required = new(
        "session_aal2_required", 403,
        "The session does not meet the required authenticator assurance level.",
        "An active session was found but it does not meet the required authenticator assurance level. Complete a second factor to continue.",
        "The identity has a second factor set up and `session.whoami.required_aal` or `selfservice.flows.settings.required_aal` is `highest_available`, but the session was created with one factor only.",
        "Send the user to `redirect_browser_to` (a login flow with `aal=aal2`) to complete the second factor, then retry.",
        "An endpoint answers 403 because the session needs a second factor (AAL too low)");

    public static readonly ErrorDescriptor SessionAal1Required = new(
        "session_aal1_required", 401,
        "A higher assurance level can only be requested with an existing session.",
        "A login flow for aal2 was requested without an active session.",
        "`aal=aal2` was passed to a login flow, but the second factor can only be added to a session that completed the first factor.",
        "Start a normal login flow first (without `aal`), then ask for `aal=aal2`.",
        "A login flow with aal=aal2 answers 401 without a session");

    public static readonly ErrorDescriptor SessionAlreadyAvailable = new(
        "session_already_available", 400,
        "You are already logged in.",
        "A valid session was detected and thus {flow} is not possible.",
        "A browser or client with an active session started (or submitted) a login flow without `refresh=true` or `aal`, or a registration or recovery flow, which are for people who are not signed in.",
        "Continue with the existing session, or log out first. To re-authenticate, start the login flow with `?refresh=true`.",
        "Starting a login, registration or recovery flow answers 400: already logged in");

    public static readonly ErrorDescriptor SessionVerifiedAddressRequired = new(
        "session_verified_address_required", 400,
        "Your e-mail or phone address is not verified yet.",
        "The account's addresses are not verified yet. Check your inbox or request a new verification.",
        "The `require_verified_address` hook is configured for login and none of the identity's addresses is verified.",
        "Complete the verification flow, then log in again.")
    {
        UiMessageIds = "4000010",
    };

    public static readonly ErrorDescriptor SessionRefreshRequired = new(
        "session_refresh_required", 403,
        "The requested action was forbidden.",
        "The session is too old to change these fields. Please log in again.",
        "Changing a password, an identifier or a second factor needs a privileged session: one authenticated within `selfservice.flows.settings.privileged_session_max_age` (default 15m).",
        "Send the user to `redirect_browser_to` (a login flow with `refresh=true` that returns to the settings flow), then submit the change again.",
        "A settings change is rejected with 403: a privileged (recent) session is required");

    public static readonly ErrorDescriptor SessionNotFound = new(
        "session_not_found", 404,
        "The session could not be found.",
        "No session with this id exists.",
        "The session id in the path does not name a session of this project (it never existed or was deleted).",
        "Use an id returned by the sessions API.");

    public static readonly ErrorDescriptor SessionIsCurrent = new(
        "session_is_current", 400,
        "The current session cannot be revoked this way.",
        "This is the session the request was made with; use logout to end it.",
        "`DELETE /sessions/{id}` was called with the id of the session that authenticated the request.",
        "End the current session with the logout flow (`DELETE /self-service/logout/api` or the browser logout URL).");

    public static readonly ErrorDescriptor SessionTokenInvalid = new(
        "session_token_invalid", 403,
        "The session token could not be found or is invalid.",
        "The provided session token could not be found, is invalid, or is otherwise malformed.",
        "`DELETE /self-service/logout/api` was called with a session token that names no active session: it was already logged out, expired, revoked, or altered.",
        "Nothing to do if the app meant to log out: the session is already over. Otherwise send the token the login or registration answered with.");

    public static readonly ErrorDescriptor LogoutTokenInvalid = new(
        "logout_token_invalid", 401,
        "The logout link is not valid.",
        "The logout token does not name an active session: it was already used, the session ended, or the link was altered.",
        "A logout URL was opened twice, after the session had ended, or with a token from another session.",
        "Nothing to do if you meant to log out: the session is already over. Otherwise get a fresh URL from `GET /self-service/logout/browser`.");

    public static readonly ErrorDescriptor SessionTokenExchangeCodeInvalid = new(
        "session_token_exchange_code_invalid", 404,
        "No session is waiting for these exchange codes.",
        "No session is waiting for this init_code and return_to_code.",
        "`GET /sessions/token-exchange` was called with an `init_code` no native flow was created with, a `return_to_code` that does not belong to it, before the sign-in at the provider finished, or a second time: the codes give the session token once. Kratos answers 404 for each of these alike.",
        "Send the `session_token_exchange_code` the flow was created with as `init_code` and the `code` the browser returned to `return_to` with as `return_to_code`, once, after the browser came back. A native app that lost the answer starts a new flow.",
        "The session-token exchange answers 404: the codes are wrong, the sign-in is not finished, or they were used already");

    public static readonly ErrorDescriptor SessionTokenExchangeCodeExpired = new(
        "session_token_exchange_code_expired", 410,
        "The exchange codes have expired.",
        "The exchange codes expired at {expired_at}.",
        "The codes live as long as the login or registration flow they were created with (`selfservice.flows.*.lifespan`); the exchange came later.",
        "Start a new native flow with `return_session_token_exchange_code=true` and exchange its codes as soon as the browser returns.",
        "The session-token exchange answers 410: the codes are too old");
}
