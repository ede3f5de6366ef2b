// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tessera.Projects.Overlays;

/// <summary>Per-project configuration overlays: their storage, validation, this node's snapshot and its refresh.</summary>
internal static class ProjectOverlaysRegistration
{
    public static IServiceCollection AddProjectOverlays(this IServiceCollection services)
    {
        services.TryAddSingleton<ProjectOverlaySnapshot>();
        services.AddSingleton<ProjectOverlayStore>();
        services.AddSingleton<ProjectOverlaySecrets>();
        services.AddSingleton<ProjectOverlayRefresher>();
        services.AddSingleton<ProjectOverlayValidator>();
        services.AddSingleton<ProjectOverlayChange>();
        return services;
    }

    /// <summary>After routing by host and before anything reads options: keeps this node's overlays within their bound.</summary>
    public static WebApplication UseProjectOverlays(this WebApplication app)
    {
        app.UseMiddleware<ProjectOverlayMiddleware>();
        return app;
    }
}
