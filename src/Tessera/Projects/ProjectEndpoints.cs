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

        var name = ProjectRules.Name(body.Value);
        var slug = ProjectRules.Slug(body.Value);
        var environment = ProjectRules.Environment(body.Value);
        var workspaceId = ProjectRules.OptionalId(body.Value, "workspace_id");
        if ((name.ErrorOrNull ?? slug.ErrorOrNull ?? environment.ErrorOrNull ?? workspaceId.ErrorOrNull) is { } invalid)
        {
            return new ErrorResult(invalid);
        }

        // A workspace key creates projects in its own workspace (the default when the body names none).
        var boundTo = AdminCaller.Of(context).Workspace;
        if (boundTo is { } own && (workspaceId.Value ?? own) != own)
        {
            // Don't reveal whether the other workspace exists: the key is refused as an unknown key is.
            return new ErrorResult(ErrorCatalog.ApiKeyInvalid);
        }

        workspaceId = workspaceId.Value ?? boundTo;
        if (workspaceId.Value is { } workspace && await workspaces.FindAsync(workspace, cancellationToken) is null)
        {
            return new ErrorResult(ErrorCatalog.WorkspaceNotFound.With(new Dictionary<string, object?> { ["id"] = workspace }));
        }

        var project = new Project(Guid.NewGuid(), slug.Value, name.Value, environment.Value, workspaceId.Value, clock.GetUtcNow());
        return await projects.InsertAsync(project, cancellationToken)
            ? TypedResults.Created($"/admin/projects/{project.Id}", project)
            : new ErrorResult(Conflict($"the slug {project.Slug} is taken"));
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

    private static async Task<Results<NoContent, ErrorResult>> DeleteProject(Guid id, ProjectStore projects, CancellationToken cancellationToken)
    {
        if (await projects.DeleteAsync(id, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        return await projects.FindAsync(id, cancellationToken) is null
            ? NotFound(id)
            : new ErrorResult(Conflict("the default project cannot be deleted"));
    }
}
