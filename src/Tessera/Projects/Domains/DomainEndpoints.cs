// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Security.ApiKeys;

namespace Tessera.Projects.Domains;

/// <summary>
/// Admin API, a project's custom domains (served only once active):
/// POST   /admin/projects/{id}/domains                   bind {hostname}: 201, state pending, the TXT record to publish
/// GET    /admin/projects/{id}/domains                   list them
/// GET    /admin/projects/{id}/domains/{domain}          one
/// POST   /admin/projects/{id}/domains/{domain}/verify   look the TXT record up now: the domain, active once it is found
/// DELETE /admin/projects/{id}/domains/{domain}          unbind it (204)
/// </summary>
internal static class DomainEndpoints
{
    public static IEndpointRouteBuilder MapDomainEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapWorkspaceAdminApi(AdminRouteTarget.Project);
        admin.MapPost("/admin/projects/{id:guid}/domains", CreateProjectDomain);
        admin.MapGet("/admin/projects/{id:guid}/domains", ListProjectDomains);
        admin.MapGet("/admin/projects/{id:guid}/domains/{domain:guid}", GetProjectDomain);
        admin.MapPost("/admin/projects/{id:guid}/domains/{domain:guid}/verify", VerifyProjectDomain);
        admin.MapDelete("/admin/projects/{id:guid}/domains/{domain:guid}", DeleteProjectDomain);
        return endpoints;
    }

    private static async Task<Results<Created<DomainResponse>, ErrorResult>> CreateProjectDomain(
        Guid id, HttpRequest request, ProjectStore projects, DomainStore domains, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(id, cancellationToken) is null)
        {
            return ProjectEndpoints.NotFound(id);
        }

        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        var created = await CreateAsync(id, body.Value, domains, clock, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created($"/admin/projects/{id}/domains/{created.Value.Id}", created.Value.ToResponse())
            : new ErrorResult(created.Error);
    }

    /// <summary>Binds the hostname a body names to a project, pending (the admin API's and the CLI's).</summary>
    public static async Task<Result<ProjectDomain>> CreateAsync(
        Guid projectId, JsonObject body, DomainStore domains, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hostname = HostnameRules.Parse(body);
        if (!hostname.Succeeded)
        {
            return hostname.Error;
        }

        var domain = new ProjectDomain(Guid.NewGuid(), projectId, hostname.Value, DomainState.Pending, DomainVerifier.NewToken(), null, clock.GetUtcNow());
        return await domains.InsertAsync(domain, cancellationToken)
            ? domain
            : ProjectEndpoints.Conflict($"the hostname {domain.Hostname} is bound to a project already");
    }

    /// <summary>The domain's "not found" refusal (the admin API's and the CLI's).</summary>
    public static TesseraError DomainNotFound(Guid id) =>
        ErrorCatalog.DomainNotFound.With(new Dictionary<string, object?> { ["id"] = id });

    private static async Task<Results<Ok<List<DomainResponse>>, ErrorResult>> ListProjectDomains(
        Guid id, ProjectStore projects, DomainStore domains, CancellationToken cancellationToken) =>
        await projects.FindAsync(id, cancellationToken) is null
            ? ProjectEndpoints.NotFound(id)
            : TypedResults.Ok((await domains.ListAsync(id, cancellationToken)).Select(d => d.ToResponse()).ToList());

    private static async Task<Results<Ok<DomainResponse>, ErrorResult>> GetProjectDomain(
        Guid id, Guid domain, DomainStore domains, CancellationToken cancellationToken) =>
        await domains.FindAsync(id, domain, cancellationToken) is { } found ? TypedResults.Ok(found.ToResponse()) : NotFound(domain);

    private static async Task<Results<Ok<DomainResponse>, ErrorResult>> VerifyProjectDomain(
        Guid id, Guid domain, DomainStore domains, DomainVerifier verifier, CancellationToken cancellationToken) =>
        await domains.FindAsync(id, domain, cancellationToken) is { } found
            ? TypedResults.Ok((await verifier.VerifyAsync(found, cancellationToken)).ToResponse())
            : NotFound(domain);

    private static async Task<Results<NoContent, ErrorResult>> DeleteProjectDomain(
        Guid id, Guid domain, DomainStore domains, CancellationToken cancellationToken) =>
        await domains.DeleteAsync(id, domain, cancellationToken) ? TypedResults.NoContent() : NotFound(domain);

    private static ErrorResult NotFound(Guid id) => new(DomainNotFound(id));
}
