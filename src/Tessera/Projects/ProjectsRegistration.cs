// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tessera.Configuration;
using Tessera.Projects.ApiKeys;
using Tessera.Projects.Domains;
using Tessera.Projects.Overlays;
using Tessera.Projects.Routing;
using Tessera.Projects.Workspaces;

namespace Tessera.Projects;

/// <summary>
/// Tenancy: workspaces, projects (network rows), their custom domains and keys, administered on the admin listener;
/// routing by host on the public one.
/// </summary>
internal static class ProjectsRegistration
{
    public static IServiceCollection AddProjects(this IServiceCollection services, ConfigurationTree config, ServeOptions serve)
    {
        services.AddSingleton(ProjectRoutingOptions.Bind(config, serve));
        services.AddSingleton<ProjectHostCache>();
        services.AddSingleton<ProjectHostResolver>();
        services.AddSingleton<UnknownHostResponse>();
        services.AddSingleton<WorkspaceStore>();
        services.AddSingleton<WorkspaceLimitCache>();
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<DomainStore>();
        services.AddSingleton<DomainVerifier>();
        services.AddSingleton(DomainVerificationOptions.Bind(config));
        services.TryAddSingleton<IDnsTxtResolver, DnsTxtResolver>();
        services.AddProjectOverlays();
        return services;
    }

    /// <summary>Routing by host (<c>serve.public.base_domain</c>): the project of each public request, or 404 for an unknown host.</summary>
    public static WebApplication UseProjectRouting(this WebApplication app)
    {
        app.UseMiddleware<ProjectRoutingMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapWorkspaceEndpoints().MapWorkspaceLimitEndpoints().MapProjectEndpoints().MapDomainEndpoints()
            .MapProjectApiKeyEndpoints().MapWorkspaceApiKeyEndpoints()
            .MapProjectConfigEndpoints();
}
