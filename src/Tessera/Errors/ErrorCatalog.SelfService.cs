// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the self-service flows (login, registration, settings, recovery, verification), with Kratos's ids.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor SelfServiceFlowExpired = new(
        "self_service_flow_expired", 410,
        "The self-service flow expired.",
        "The self-service flow expired {since_minutes} minutes ago, start a new one.",
        "The flow was submitted or fetched after its lifespan (`selfservice.flows.<flow>.lifespan`, default 1h) ran out, typically because the form was left open too long.",
        "Continue with the flow in `use_flow_id` (a new one was created), or start a new flow. Operators can lengthen `selfservice.flows.<flow>.lifespan`.",
        "A login, registration, settings, recovery or verification flow expired (410, or 400 with a replacement flow)")
    {
        UiMessageIds = "4010001, 4040001, 4050001, 4060005, 4070005",
    };

    public static readonly ErrorDescriptor SelfServiceFlowReplaced = new(
        "self_service_flow_replaced", 410,
        "The self-service flow was replaced.",
        "This flow was replaced by a new one; continue with the new flow.",
        "The flow cannot continue (for example its method changed) and a new flow was created in its place.",
        "Continue with the flow in `use_flow_id`.");

    public static readonly ErrorDescriptor SelfServiceFlowDisabled = new(
        "self_service_flow_disabled", 400,
        "This self-service flow is disabled.",
        "This flow is not enabled on this server.",
        "The flow (for example registration) is switched off with `selfservice.flows.<flow>.enabled: false`.",
        "Enable the flow in the configuration if it should be available.",
        "A flow answers 400: the flow is disabled");

    public static readonly ErrorDescriptor SelfServiceFlowReturnToForbidden = new(
        "self_service_flow_return_to_forbidden", 400,
        "The request was malformed or contained invalid parameters.",
        "The return_to URL {return_to} is not allowed.",
        "`return_to` names a URL whose origin is not in `selfservice.allowed_return_urls`; accepting it would make Tessera an open redirector.",
        "Use a return_to on an allowed domain, or add the domain to `selfservice.allowed_return_urls`.",
        "A flow answers 400: the return_to URL is not allowed")
    {
        SeedCodes = [new("oauth:invalid_redirect_url", "A general id: a `return_to` outside `selfservice.allowed_return_urls`, on any flow. A bad provider URL in the configuration stops start-up instead (`invalid_configuration`, among the ids not in the catalog).")],
    };

    public static readonly ErrorDescriptor BrowserLocationChangeRequired = new(
        "browser_location_change_required", 422,
        "A browser location change is required.",
        "To complete this flow, redirect the browser to {redirect_browser_to}.",
        "The flow continues at a third party (for example an OpenID Connect provider), which only a browser navigation can reach; an AJAX call cannot follow it.",
        "Navigate the browser (window.location) to `redirect_browser_to`.",
        "A settings submission answers 422: the browser must navigate elsewhere")
    {
        SeedCodes = [new("B4", "Seed 000's row: a settings link (and any oidc submission) from a script or SPA answers 422 with `redirect_browser_to`.")],
    };

    public static readonly ErrorDescriptor SelfServiceFlowNotFound = new(
        "self_service_flow_not_found", 404,
        "The flow could not be found.",
        "No flow with this id exists.",
        "The `flow` / `id` parameter does not name a flow of this type: it is malformed, was never created, or was removed.",
        "Start a new flow.",
        "Fetching or submitting a flow answers 404");

    public static readonly ErrorDescriptor SelfServiceFlowAlreadyCompleted = new(
        "self_service_flow_already_completed", 400,
        "The flow was already completed.",
        "The request was already completed successfully and can not be retried.",
        "A flow that already succeeded (a verification that verified the address, a login that issued a session) was submitted again, typically by a double click, the back button, or a client retrying after a timeout.",
        "Nothing to repeat: continue where the first submission led. To do it again, start a new flow.",
        "Resubmitting a finished flow shows 4010007 / 4040002 / 4060001 / 4070002")
    {
        UiMessageIds = "4010007, 4040002, 4060001, 4070002",
    };

    public static readonly ErrorDescriptor ValidationFailed = new(
        "validation_failed", 400,
        "The request was malformed or contained invalid parameters.",
        "The submitted values are invalid: {fields}.",
        "Fields of the submission fail the identity schema or the password policy (a required field missing, a bad format, a value out of range). The flow carries one message per field under `ui.nodes[].messages`.",
        "Correct the fields the flow's messages point at and submit again. Integrators: render the per-node messages; on the admin API the reason names the fields.",
        "A flow is re-rendered with field messages (4000001-4000046)")
    {
        SeedCodes = [new("oauth:handle_required", "A general id: the claims lack a required trait (a username, say); the registration form is shown pre-filled and asks for it (4000002)."), new("oauth:invalid_image_url", "A general id: a mapped trait (such as `picture`) fails the schema's format; the registration form shows the field's message."), new("VALIDATION_MISSING_USER_DATA", "The registration form is shown pre-filled, asking for the missing traits (4000002): never a dead end."), new("VALIDATION_INVALID_USER_DATA", "Mapped claims fail the identity schema: the registration form carries each field's message.")],
        UiMessageIds = "4000001-4000046",
    };
}
