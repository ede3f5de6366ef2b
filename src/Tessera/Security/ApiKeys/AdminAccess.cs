// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>The classes of admin endpoints, by which keys may call them (see <see cref="AdminAccessPolicy"/>).</summary>
internal enum AdminAccess
{
    /// <summary>
    /// One project's data (identities, sessions, courier, hooks, recovery, OAuth2, relation tuples): a project key
    /// serves its own project; an admin key the project named by <c>Tessera-Project</c>, else the default one.
    /// </summary>
    Project,

    /// <summary>A project's own settings addressed by its id in the route (its keys): that project's key, its workspace's key, an admin key.</summary>
    ProjectSettings,

    /// <summary>Workspaces, projects and domains: a workspace key for its own workspace and its projects; an admin key for all.</summary>
    Workspace,

    /// <summary>The deployment itself (admin keys, metrics, creating workspaces): admin keys only.</summary>
    Deployment,
}
