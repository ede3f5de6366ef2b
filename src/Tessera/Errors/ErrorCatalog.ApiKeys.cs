// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>API keys: the admin listener's bearer keys (<c>serve.admin.auth</c>) and their admin API.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor ApiKeyMissing = new(
        "api_key_missing", 401,
        "The request must carry an API key.",
        "The admin API requires an API key in the Authorization header (Authorization: Bearer <key>).",
        "The admin listener requires API keys (`serve.admin.auth.required` is `true`, or it is `auto` and an admin key has been created) and the request carried no `Authorization: Bearer` header.",
        "Send `Authorization: Bearer tessera_admin_...`. Create a key with `tessera keys create --name <name>` (shown once) or `POST /admin/api-keys` with an existing key.",
        "An admin API call answers 401 without a key");

    public static readonly ErrorDescriptor ApiKeyInvalid = new(
        "api_key_invalid", 401,
        "The API key is not valid.",
        "The API key in the Authorization header is unknown, revoked or expired, or does not reach what was asked.",
        "The bearer key is malformed (wrong prefix or checksum), was never issued by this deployment, was revoked, or has expired; or it is a project or workspace key used on another project or workspace (which answers exactly as an unknown key, so that a key never learns whether another project exists).",
        "Check that the whole key was copied (it starts with `tessera_admin_`), list keys with `tessera keys list`, and create a new one if it was revoked or expired.",
        "An admin API call answers 401 with a key");

    public static readonly ErrorDescriptor ApiKeyWrongKind = new(
        "api_key_wrong_kind", 401,
        "The API key is not of the kind this endpoint needs.",
        "The request carried a {presented_kind} key, but this endpoint needs a {needed_kind} key. Create one with {create}.",
        "API keys come in three kinds, told apart by their prefix: admin keys (`tessera_admin_`) administer the whole deployment, project keys (`tessera_pat_`) one project's admin API (identities, sessions, courier, hooks, recovery, OAuth2, relation tuples, its own keys), workspace keys (`tessera_wak_`) one workspace's projects, domains and keys. The key sent is valid, but of a kind this endpoint does not accept (e.g. a workspace key on `/admin/identities`, a project key on `/admin/workspaces`).",
        "Use a key of the kind named in `details.needed_kind`. Create a project key with `POST /admin/projects/{id}/api-keys` or `tessera keys create --project <id|slug> --name <name>`; a workspace key with `POST /admin/workspaces/{id}/api-keys` or `tessera keys create --workspace <id> --name <name>`; an admin key with `POST /admin/api-keys` or `tessera keys create --name <name>`. Each value is shown once, at creation.",
        "An admin API call answers 401 with a valid key of another kind");

    public static readonly ErrorDescriptor ApiKeyNotFound = new(
        "api_key_not_found", 404,
        "The API key does not exist.",
        "No API key with id {id} exists.",
        "The id names no key of this deployment (it may belong to another project, or be mistyped).",
        "List the keys (`GET /admin/api-keys` or `tessera keys list`) and use an id from there.");

    public static readonly ErrorDescriptor ApiKeyRequestInvalid = new(
        "api_key_request_invalid", 400,
        "The API key request is not valid.",
        "The request is not a valid API key request: {problem}.",
        "`POST /admin/api-keys` needs a JSON object with a non-empty `name` (at most 128 characters) and optionally `expires_at`, an RFC 3339 time in the future.",
        "Send `{\"name\": \"ci\", \"expires_at\": \"2030-01-01T00:00:00Z\"}`.");
}
