// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Request-forgery and identity-binding protections, with Kratos's ids.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor SecurityCsrfViolation = new(
        "security_csrf_violation", 403,
        "The request was rejected to protect you from Cross-Site-Request-Forgery.",
        "Please retry the flow and, if it keeps failing, clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF), which could let a third party act in your name.",
        "A browser flow was submitted without the CSRF cookie, without the `csrf_token` field, or with a pair that does not match: the form was opened in another browser or tab set, cookies were blocked or scoped to another domain, or the request really was forged.",
        "Restart the flow in the same browser. Operators: serve the UI and Tessera under one registrable domain, set `cookies.domain` accordingly, and make sure the UI sends the `csrf_token` node's value with the form.",
        "A browser POST is rejected: the CSRF check failed");

    public static readonly ErrorDescriptor SecurityIdentityMismatch = new(
        "security_identity_mismatch", 403,
        "The requested action was forbidden.",
        "The request was started by someone else and was blocked for security reasons. Go back and try again.",
        "The flow belongs to another identity or session than the one submitting it.",
        "Start the flow again from the same session.");

    public static readonly ErrorDescriptor ApiFlowUsedByBrowser = new(
        "api_flow_used_by_browser", 400,
        "API flows cannot be used from a browser.",
        "The request submitted an API flow but carries browser cookies ({cookie}).",
        "API flows have no CSRF protection because native apps have no cookies; a request that carries Tessera's browser cookies is a browser, and letting it use an API flow would bypass that protection (seed row A5).",
        "Browsers and single-page apps use the browser endpoints (`/self-service/<flow>/browser`); native apps must not send Tessera's cookies with API flows.");
}
