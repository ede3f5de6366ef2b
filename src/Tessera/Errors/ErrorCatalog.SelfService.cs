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
        "Continue with the flow in `use_flow_id` (a new one was created), or start a new flow. Operators can lengthen `selfservice.flows.<flow>.lifespan`.");

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
        "Enable the flow in the configuration if it should be available.");

    public static readonly ErrorDescriptor SelfServiceFlowReturnToForbidden = new(
        "self_service_flow_return_to_forbidden", 400,
        "The request was malformed or contained invalid parameters.",
        "The return_to URL {return_to} is not allowed.",
        "`return_to` names a URL whose origin is not in `selfservice.allowed_return_urls`; accepting it would make Tessera an open redirector.",
        "Use a return_to on an allowed domain, or add the domain to `selfservice.allowed_return_urls`.");

    public static readonly ErrorDescriptor BrowserLocationChangeRequired = new(
        "browser_location_change_required", 422,
        "A browser location change is required.",
        "To complete this flow, redirect the browser to {redirect_browser_to}.",
        "The flow continues at a third party (for example an OpenID Connect provider), which only a browser navigation can reach; an AJAX call cannot follow it.",
        "Navigate the browser (window.location) to `redirect_browser_to`.");

    public static readonly ErrorDescriptor SelfServiceFlowNotFound = new(
        "self_service_flow_not_found", 404,
        "The flow could not be found.",
        "No flow with this id exists.",
        "The `flow` / `id` parameter does not name a flow of this type: it is malformed, was never created, or was removed.",
        "Start a new flow.");
}
