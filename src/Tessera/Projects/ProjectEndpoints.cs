// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Projects.Workspaces;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects;

/// <summary>
/// Admin API, projects (deployment-wide; the default project is the one a single-project deployment serves):
/// POST   /admin/projects        create one {name, slug, workspace_id?, environment?}: 201 {id, slug, ...}
/// GET    /admin/projects        list them (?workspace_id= narrows to one workspace)
/// GET    /admin/projects/{id}   one
/// DELETE /admin/projects/{id}   delete it and everything it holds (204; never the default project: 409)
/// </summary>
internal static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapWorkspaceAdminApi(AdminRouteTarget.Project);
        admin.MapPost("/admin/projects", CreateProject);
        admin.MapGet("/admin/projects", ListProjects);
        admin.MapGet("/admin/projects/{id:guid}", GetProject);
        admin.MapDelete("/admin/projects/{id:guid}", DeleteProject);
        return endpoints;
    }

    public static ErrorResult NotFound(Guid id) =>
        new(ErrorCatalog.ProjectNotFound.With(new Dictionary<string, object?> { ["id"] = id }));

    public static TesseraError Conflict(string problem) =>
        ErrorCatalog.ProjectConflict.With(new Dictionary<string, object?> { ["problem"] = problem });

    private static async Task<Results<Created<Project>, ErrorResult>> CreateProject(
        HttpContext context, ProjectStore projects, WorkspaceStore workspaces, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        var parsed = ProjectRequest.Parse(body.Value);
        if (!parsed.Succeeded)
        {
            return new ErrorResult(parsed.Error);
        }

        // A workspace key creates projects in its own workspace (the default when the body names none).
        var boundTo = AdminCaller.Of(context).Workspace;
        if (boundTo is { } own && (parsed.Value.WorkspaceId ?? own) != own)
        {
            // Don't reveal whether the other workspace exists: the key is refused as an unknown key is.
            return new ErrorResult(ErrorCatalog.ApiKeyInvalid);
        }

        var created = await CreateAsync(parsed.Value with { WorkspaceId = parsed.Value.WorkspaceId ?? boundTo }, projects, workspaces, clock, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created($"/admin/projects/{created.Value.Id}", created.Value)
            : new ErrorResult(created.Error);
    }

    /// <summary>Stores a checked project request (the admin API's and the CLI's): its workspace must exist, its slug be free.</summary>
    public static async Task<Result<Project>> CreateAsync(
        ProjectRequest request, ProjectStore projects, WorkspaceStore workspaces, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.WorkspaceId is { } workspace && await workspaces.FindAsync(workspace, cancellationToken) is null)
        {
            return ErrorCatalog.WorkspaceNotFound.With(new Dictionary<string, object?> { ["id"] = workspace });
        }

        var project = new Project(Guid.NewGuid(), request.Slug, request.Name, request.Environment, request.WorkspaceId, clock.GetUtcNow());
        return await projects.InsertAsync(project, cancellationToken) ? project : Conflict($"the slug {project.Slug} is taken");
    }

    private static async Task<Results<Ok<IReadOnlyList<Project>>, ErrorResult>> ListProjects(
        HttpContext context, ProjectStore projects, CancellationToken cancellationToken)
    {
        var request = context.Request;
        Guid? workspaceId = null;
        if (request.Query.TryGetValue("workspace_id", out var value))
        {
            if (!Guid.TryParse(value.ToString(), out var parsed))
            {
                return new ErrorResult(ProjectRules.Invalid("workspace_id must be a UUID"));
            }

            workspaceId = parsed;
        }

        // A workspace key lists its own workspace's projects (and nothing when it names another).
        if (AdminCaller.Of(context).Workspace is { } own)
        {
            return TypedResults.Ok(workspaceId is null || workspaceId == own
                ? await projects.ListAsync(own, cancellationToken)
                : (IReadOnlyList<Project>)[]);
        }

        return TypedResults.Ok(await projects.ListAsync(workspaceId, cancellationToken));
    }

    private static async Task<Results<Ok<Project>, ErrorResult>> GetProject(Guid id, ProjectStore projects, CancellationToken cancellationToken) =>
        await projects.FindAsync(id, cancellationToken) is { } project ? TypedResults.Ok(project) : NotFound(id);

    private static async Task<Results<NoContent, ErrorResult>> DeleteProject(Guid id, ProjectStore projects, CancellationToken cancellationToken) =>
        await DeleteAsync(id, projects, cancellationToken) is { } refused ? new ErrorResult(refused) : TypedResults.NoContent();

    /// <summary>Deletes a project (the admin API's and the CLI's); the refusal, or null once it is gone.</summary>
    public static async Task<TesseraError?> DeleteAsync(Guid id, ProjectStore projects, CancellationToken cancellationToken)
    {
        if (await projects.DeleteAsync(id, cancellationToken))
        {
            return null;
        }

        return await projects.FindAsync(id, cancellationToken) is null
            ? NotFound(id).Error
            : Conflict("the default project cannot be deleted");
    }
}
