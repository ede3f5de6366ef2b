// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// Permissions (Ory Keto's API). Keto's errors carry no ids (herodot's generic 400/403/404), so the ids are Tessera's;
/// statuses and the <c>{"error": {...}}</c> envelope are Keto's.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor RelationTupleInvalid = new(
        "relation_tuple_invalid", 400,
        "The request was malformed or contained invalid parameters.",
        "The relation tuple is not valid: {problem}.",
        "A relation tuple or check lacks `namespace`, `object` or `relation`, has neither or both of `subject_id` and `subject_set`, has an incomplete `subject_set` (namespace, object and relation are all required), or a patch action is not insert or delete.",
        "Send Keto's relationship shape: `{\"namespace\", \"object\", \"relation\", \"subject_id\"}` or with `\"subject_set\": {\"namespace\", \"object\", \"relation\"}` instead of `subject_id`.",
        "PUT/PATCH /admin/relation-tuples or a check answers 400");

    public static readonly ErrorDescriptor RelationQueryInvalid = new(
        "relation_query_invalid", 400,
        "The request was malformed or contained invalid parameters.",
        "The query is not valid: {problem}.",
        "`page_token` is not one this API returned, `page_size` is not a whole number from 1 to 1000, `max-depth` is not a whole number, a filter has an incomplete `subject_set.*` triple, or a batch check has more tuples than `permissions.limit.max_batch_check_size`.",
        "Pass `next_page_token` back unchanged, keep `page_size` within 1-1000, send all three `subject_set.*` parameters together, and split large batch checks.",
        "GET /relation-tuples, DELETE /admin/relation-tuples or a check answers 400");

    public static readonly ErrorDescriptor RelationNamespaceUnknown = new(
        "relation_namespace_unknown", 404,
        "The requested resource could not be found.",
        "Unknown namespace with name \"{namespace}\".",
        "The tuple, query or check names a namespace (or a subject set's namespace) that is not listed in `permissions.namespaces`. With no namespaces configured, every namespace is unknown.",
        "Add the namespace to `permissions.namespaces` as `{id, name}` on every node and restart, or fix the name in the request (`GET /namespaces` lists the configured ones).",
        "A relation-tuple request or check answers 404: unknown namespace");
}
