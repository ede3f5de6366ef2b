// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects.Workspaces;

/// <summary>
/// Admin API, workspaces (groups of projects):
/// POST   /admin/workspaces        create one {name}: 201 {id, name, created_at}
/// GET    /admin/workspaces        list them
/// GET    /admin/workspaces/{id}   one
/// DELETE /admin/workspaces/{id}   delete an empty one (204; 409 while it holds projects)
/// </summary>
internal static class WorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDeploymentAdminApi().MapPost("/admin/workspaces", CreateWorkspace);
        var admin = endpoints.MapWorkspaceAdminApi(AdminRouteTarget.Workspace);
        admin.MapGet("/admin/workspaces", ListWorkspaces);
        admin.MapGet("/admin/workspaces/{id:guid}", GetWorkspace);
        admin.MapDelete("/admin/workspaces/{id:guid}", DeleteWorkspace);
        return endpoints;
    }

    private static async Task<Results<Created<Workspace>, ErrorResult>> CreateWorkspace(
        HttpRequest request, WorkspaceStore workspaces, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        var name = ProjectRules.Name(body.Value);
        if (!name.Succeeded)
        {
            return new ErrorResult(name.Error);
        }

        var workspace = new Workspace(Guid.NewGuid(), name.Value, clock.GetUtcNow());
        await workspaces.InsertAsync(workspace, cancellationToken);
        return TypedResults.Created($"/admin/workspaces/{workspace.Id}", workspace);
    }

    // A workspace key lists its own workspace only.
    private static async Task<Ok<IReadOnlyList<Workspace>>> ListWorkspaces(HttpContext context, WorkspaceStore workspaces, CancellationToken cancellationToken)
    {
        var all = await workspaces.ListAsync(cancellationToken);
        return TypedResults.Ok(AdminCaller.Of(context).Workspace is { } own ? all.Where(w => w.Id == own).ToList() : all);
    }

    private static async Task<Results<Ok<Workspace>, ErrorResult>> GetWorkspace(Guid id, WorkspaceStore workspaces, CancellationToken cancellationToken) =>
        await workspaces.FindAsync(id, cancellationToken) is { } workspace ? TypedResults.Ok(workspace) : NotFound(id);

    private static async Task<Results<NoContent, ErrorResult>> DeleteWorkspace(
        Guid id, WorkspaceStore workspaces, CancellationToken cancellationToken)
    {
        if (await workspaces.DeleteIfEmptyAsync(id, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        return await workspaces.FindAsync(id, cancellationToken) is null
            ? NotFound(id)
            : new ErrorResult(ProjectEndpoints.Conflict("the workspace still holds projects"));
    }

    private static ErrorResult NotFound(Guid id) =>
        new(ErrorCatalog.WorkspaceNotFound.With(new Dictionary<string, object?> { ["id"] = id }));
}
