// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tessera.Projects.ApiKeys;
using Tessera.Projects.Domains;
using Tessera.Projects.Workspaces;

namespace Tessera.Projects;

/// <summary>Tenancy: workspaces, projects (network rows), their custom domains and keys, administered on the admin listener.</summary>
internal static class ProjectsRegistration
{
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddSingleton<WorkspaceStore>();
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<DomainStore>();
        services.AddSingleton<DomainVerifier>();
        services.TryAddSingleton<IDnsTxtResolver, UnconfiguredDnsTxtResolver>();
        return services;
    }

    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapWorkspaceEndpoints().MapProjectEndpoints().MapDomainEndpoints()
            .MapProjectApiKeyEndpoints().MapWorkspaceApiKeyEndpoints();
}
