// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Projects, workspaces and their domains (tenancy; the admin API under <c>/admin/workspaces</c> and <c>/admin/projects</c>).</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor ProjectRequestInvalid = new(
        "project_request_invalid", 400,
        "The project administration request is not valid.",
        "The request is not valid: {problem}.",
        "A body sent to `/admin/workspaces` or `/admin/projects` (a workspace, a project or a domain) is missing a field, has a field of the wrong type, or a value outside its rules: names are 1 to 128 printable characters; a slug is 1 to 63 lowercase letters, digits and inner hyphens; an environment is 1 to 32 lowercase letters, digits, `-` or `_`; a hostname is a DNS name of at least two labels without scheme, port or trailing path.",
        "Send e.g. `{\"name\": \"Acme\", \"slug\": \"acme\", \"workspace_id\": \"<id>\", \"environment\": \"production\"}` to `POST /admin/projects`, `{\"hostname\": \"login.acme.example\"}` to `POST /admin/projects/{id}/domains`.");

    public static readonly ErrorDescriptor WorkspaceRequestInvalid = new(
        "workspace_request_invalid", 400,
        "The workspace administration request is not valid.",
        "The request is not valid: {problem}.",
        "A `PATCH /admin/workspaces/{id}` body sets the workspace's aggregate rate limits: it must carry `rate_limits`, an object (or `null` to remove them), whose keys are validated as the file's `rate_limits.buckets` are: a known bucket name, a `limit` of at least 1, a `window` duration. The reason names the key path that was refused. Nothing was stored.",
        "Send e.g. `{\"rate_limits\": {\"buckets\": {\"code_sends\": {\"limit\": 50, \"window\": \"1h\"}}}}`; the bucket names are listed in docs/security.md.");

    public static readonly ErrorDescriptor WorkspaceNotFound = new(
        "workspace_not_found", 404,
        "The workspace does not exist.",
        "No workspace with id {id} exists.",
        "The id names no workspace of this deployment (it was deleted or mistyped).",
        "List the workspaces with `GET /admin/workspaces` and use an id from there.");

    public static readonly ErrorDescriptor ProjectNotFound = new(
        "project_not_found", 404,
        "The project does not exist.",
        "No project with id {id} exists.",
        "The id names no project of this deployment (it was deleted or mistyped).",
        "List the projects with `GET /admin/projects` and use an id from there.");

    public static readonly ErrorDescriptor DomainNotFound = new(
        "domain_not_found", 404,
        "The domain does not exist.",
        "No domain with id {id} is bound to this project.",
        "The id names no domain of the project in the path (it was deleted, mistyped, or belongs to another project).",
        "List the project's domains with `GET /admin/projects/{id}/domains` and use an id from there.");

    public static readonly ErrorDescriptor ProjectConflict = new(
        "project_conflict", 409,
        "The request conflicts with the current projects.",
        "The request conflicts with the current state: {problem}.",
        "A project slug or a domain's hostname is unique across the deployment and the one sent is taken; a workspace still holding projects cannot be deleted; the default project (the one a single-project deployment serves) cannot be deleted.",
        "Choose another slug or hostname (or delete the domain from the project that holds it), delete or move the workspace's projects first, and keep the default project.");

    public static readonly ErrorDescriptor ProjectConfigInvalid = new(
        "project_config_invalid", 400,
        "The project's configuration overlay is not valid.",
        "The configuration key {key} cannot be set this way: {problem}.",
        "A `PATCH /admin/projects/{id}/config` body is validated exactly as the configuration file is: the overlay merged on top of the file/env configuration must bind every per-project options record. The key named has a value the file would refuse too (a wrong type, an unknown enumeration value, a duration below its floor), or it is deployment-wide (`serve.*`, `dsn`, `secrets.*`, `log.*`, `courier.*`, `oauth2.*`, and any key read once at start-up), or Tessera refuses it, or an identity schema it names does not load, is not an identity schema, or is a file or URL the configuration file does not list (a project may use inline `base64://` schemas), or the body is not a JSON object. Nothing was stored.",
        "Fix the value the key names, or set a deployment-wide key in the configuration file instead. The keys a project may set are listed in docs/projects.md (session, selfservice, rate_limits, password policy and identity schema keys).");

    // 500, not 503: nothing transient, so no Retry-After and no retry helps; only the operator's fix does (as a bad file stops the start).
    public static readonly ErrorDescriptor ProjectConfigUnusable = new(
        "project_config_unusable", 500,
        "The project's configuration cannot be used.",
        "The project's stored configuration overlay (version {version}) no longer binds with the server's configuration; the key and the problem are in the server's log (event 1095).",
        "The project's overlay was valid when it was stored, but the server was since restarted with a configuration file (or environment) that no longer accepts it merged on top: a changed type, a removed option, a value the new file refuses together with the overlay's. Rather than silently serving the file's value (a project that asked for aal2 must never get aal1), every request to the project that needs that configuration is refused until the overlay is fixed. The key, the problem and the version are logged once (event 1095); the answer does not name them, since it reaches end users.",
        "Fix or remove the key with PATCH /admin/projects/{id}/config (`null` removes it; the admin configuration endpoints keep working for the project), or change the configuration file back. The change takes effect at once on this node and within 5 seconds on the others.");

    public static readonly ErrorDescriptor ProjectConfigVersionMismatch = new(
        "project_config_version_mismatch", 412,
        "The project's configuration overlay changed since it was read.",
        "The overlay is at version {current}, not {expected}.",
        "The `If-Match` header named the overlay version the change was based on, and another change was stored since (here or on another node). Nothing was stored.",
        "Read the overlay again with `GET /admin/projects/{id}/config`, reapply the change to it and send it with the new `ETag` in `If-Match`.");

    public static readonly ErrorDescriptor ProjectHostUnknown = new(
        "project_host_unknown", 404,
        "The requested host is not associated with any project.",
        "No project answers on the host {host}.",
        "`serve.public.base_domain` is set, so the public listener serves a project by the request's Host: `<slug>.<base_domain>` for the project with that slug, an active custom domain for the project it is bound to, and the base domain or the host of `serve.public.base_url` for the default project. This host is none of them: no project has that slug, the custom domain is not bound to a project, or it is bound but still `pending` (its DNS TXT record was not found yet), or the CNAME does not point at Tessera and the request came through another name.",
        "Bind the domain to its project (`POST /admin/projects/{id}/domains`), publish the TXT record the answer names and the CNAME to `<slug>.<base_domain>`, wait for DNS propagation and activate it (`POST /admin/projects/{id}/domains/{domain}/verify`). Nodes see an activation or deletion within 5 seconds.",
        "A custom domain or project host answers 404 \"The requested host is not associated with any project\"");
}
