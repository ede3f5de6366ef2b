// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Projects;

namespace Tessera.Security.ApiKeys;

/// <summary>
/// Which admin endpoints a caller's key reaches, decided from the endpoint's class (<see cref="AdminKeyRequiredMetadata"/>)
/// before model binding, and which project the request then serves: a project key enters its own project; an admin key
/// (or an open admin API) the one named by <c>Tessera-Project</c> (slug or id), else the default one.
/// </summary>
internal sealed class AdminAccessPolicy(ProjectStore projects)
{
    public const string ProjectHeader = "Tessera-Project";

    /// <summary>The project to serve for the rest of the request (null: leave it as it is), or why the caller may not go on.</summary>
    public async Task<Result<Guid?>> DecideAsync(AdminCaller caller, AdminKeyRequiredMetadata endpoint, HttpContext context, CancellationToken cancellationToken)
    {
        var kind = caller.Key is { } key ? ApiKeyKind.Named(key.Kind) ?? ApiKeyKind.Admin : ApiKeyKind.Admin;
        return endpoint.Access switch
        {
            AdminAccess.Deployment => kind == ApiKeyKind.Admin ? (Guid?)null : WrongKind(ApiKeyKind.Admin, kind),
            AdminAccess.Project when kind == ApiKeyKind.Workspace => WrongKind(ApiKeyKind.Project, kind),
            AdminAccess.Project => await ProjectToServeAsync(caller, context, cancellationToken),
            AdminAccess.Workspace when kind == ApiKeyKind.Project => WrongKind(ApiKeyKind.Workspace, kind),
            _ => await ReachesRouteAsync(caller, endpoint, context, cancellationToken) ? (Guid?)null : ErrorCatalog.ApiKeyInvalid,
        };
    }

    /// <summary>Whether a workspace-bound key's workspace holds <paramref name="projectId"/>; false for an unknown project.</summary>
    public async Task<bool> InWorkspaceAsync(Guid projectId, Guid workspaceId, CancellationToken cancellationToken) =>
        await projects.FindAsync(projectId, cancellationToken) is { WorkspaceId: { } holder } && holder == workspaceId;

    private async Task<Result<Guid?>> ProjectToServeAsync(AdminCaller caller, HttpContext context, CancellationToken cancellationToken)
    {
        var header = context.Request.Headers[ProjectHeader].ToString().Trim();
        if (header.Length == 0)
        {
            return caller.Project;
        }

        var named = await projects.FindByIdOrSlugAsync(header, cancellationToken);
        if (caller.Project is { } own)
        {
            // Don't reveal whether another project exists: a project key naming any project but its own is refused as an unknown key is.
            return named?.Id == own ? own : ErrorCatalog.ApiKeyInvalid;
        }

        return named is null ? ProjectRules.NotFound(header) : named.Id;
    }

    // Don't reveal whether another project or workspace exists: a bound key out of its reach is refused as an unknown key is.
    private async Task<bool> ReachesRouteAsync(AdminCaller caller, AdminKeyRequiredMetadata endpoint, HttpContext context, CancellationToken cancellationToken)
    {
        if (caller.Key is null || caller.Key.Kind == ApiKeyKind.Admin.Name)
        {
            return true;
        }

        Guid? routeId = context.GetRouteValue(AdminKeyRequiredMetadata.RouteKey)?.ToString() is { } text && Guid.TryParse(text, out var parsed)
            ? parsed
            : null;
        return (endpoint.Target, routeId) switch
        {
            (AdminRouteTarget.None, _) or (_, null) => caller.Workspace is not null,
            (AdminRouteTarget.Workspace, { } workspace) => caller.Workspace == workspace,
            (AdminRouteTarget.Project, { } project) when caller.Project is { } own => project == own,
            (AdminRouteTarget.Project, { } project) => caller.Workspace is { } workspace && await InWorkspaceAsync(project, workspace, cancellationToken),
            _ => false,
        };
    }

    /// <summary>401 <c>api_key_wrong_kind</c>: the kind of key needed, the one presented and how to create the right one (seed row E2).</summary>
    public static TesseraError WrongKind(ApiKeyKind needed, ApiKeyKind presented)
    {
        var context = new Dictionary<string, object?>
        {
            ["needed_kind"] = needed.Name,
            ["presented_kind"] = presented.Name,
            ["create"] = needed.HowToCreate,
        };
        return new TesseraError(ErrorCatalog.ApiKeyWrongKind, Details: context) { Context = context };
    }
}
