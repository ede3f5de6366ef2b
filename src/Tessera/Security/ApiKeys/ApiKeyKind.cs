// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>
/// What a key may administer, stored as <c>api_keys.kind</c> and spelled in the key's prefix (as Ory's
/// <c>ory_pat_</c> and <c>ory_wak_</c>, so a leaked key says what it opens): admin keys the whole deployment, project
/// keys one project's admin API, workspace keys one workspace (its projects, domains and keys). <see cref="HowToCreate"/>
/// is what a refusal for the wrong kind tells the caller to do.
/// </summary>
internal sealed record ApiKeyKind(string Name, string Prefix, string HowToCreate)
{
    public static readonly ApiKeyKind Admin = new(
        "admin", "tessera_admin_", "`POST /admin/api-keys` with an admin key, or `tessera keys create --name <name>`");

    public static readonly ApiKeyKind Project = new(
        "project", "tessera_pat_", "`POST /admin/projects/{id}/api-keys`, or `tessera keys create --project <id|slug> --name <name>`");

    public static readonly ApiKeyKind Workspace = new(
        "workspace", "tessera_wak_", "`POST /admin/workspaces/{id}/api-keys`, or `tessera keys create --workspace <id> --name <name>`");

    public static IReadOnlyList<ApiKeyKind> All { get; } = [Admin, Project, Workspace];

    public static ApiKeyKind? Named(string name) => All.FirstOrDefault(k => k.Name == name);
}
