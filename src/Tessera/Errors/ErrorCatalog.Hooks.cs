// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// Hooks (SelfService/Hooks). A web hook's failure to answer is <see cref="UpstreamError"/> (502) or
/// <see cref="UpstreamTimeout"/> (504); these entries are the outcomes that are the hook's own decision.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor WebHookRefused = new(
        "web_hook_refused", 400,
        "The request was refused by a web hook.",
        "A web hook answered {status_code} with messages for the form.",
        "A web hook with `response.parse: true` or `can_interrupt: true` answered non-2xx with a body `{\"messages\": [{\"instance_ptr\": \"#/traits/email\", \"messages\": [{\"id\", \"text\", \"type\", \"context\"}]}]}`. The flow is answered as a failed submission (400, or a redirect to the form for browsers) with those messages on the named fields.",
        "Users: correct the fields the messages name and submit again. Operators: the hook execution log names the hook and its answer.",
        "A flow submission answers 400 with messages a web hook wrote");

    public static readonly ErrorDescriptor WebHookResponseInvalid = new(
        "web_hook_response_invalid", 502,
        "A web hook answered with a response Tessera cannot use.",
        "The web hook's answer could not be used: {problem}.",
        "A web hook with `response.parse: true` answered 2xx with a body that is not JSON or whose `identity` member is not an object, or its changes made the identity invalid for its schema.",
        "Fix the web hook's answer: an empty body, or `{\"identity\": {\"traits\": {...}, \"metadata_public\": ..., \"metadata_admin\": ...}}` with traits valid for the identity schema.",
        "A flow submission answers 502 after a web hook with response.parse answered 2xx");

    public static readonly ErrorDescriptor HookExecutionQueryInvalid = new(
        "hook_execution_query_invalid", 400,
        "The hook execution query is invalid.",
        "flow_id and identity_id must be UUIDs and page_size a number between 1 and 1000.",
        "`GET /admin/hooks/executions` was called with a filter that is not a UUID or a page size out of range.",
        "Pass UUIDs in `flow_id` / `identity_id` and a `page_size` between 1 and 1000.");
}
