// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tessera.Configuration;

namespace Tessera.Projects.Overlays;

/// <summary>Registers an options record that a project's overlay may change (the keys it reads become per-project keys).</summary>
internal static class ProjectOptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from the file/env configuration now (a bad value stops the start, as before) and
    /// registers <see cref="ProjectOptions{T}"/> for per-request reads. <typeparamref name="T"/> itself stays
    /// registered as the deployment-wide value for code that runs outside any project (start-up, the CLI).
    /// </summary>
    public static IServiceCollection AddProjectOptions<T>(this IServiceCollection services, ConfigurationTree config, Func<ConfigurationTree, T> bind)
        where T : class
    {
        var binder = new ProjectOptionsBinder<T>(bind, bind(config));
        services.AddSingleton(binder);
        services.AddSingleton<IProjectOptionsBinder>(binder);
        services.AddSingleton(binder.DeploymentValue);
        services.AddSingleton<ProjectOptions<T>>();
        services.TryAddSingleton<ProjectOverlaySnapshot>();
        services.TryAddSingleton<UnusableOverlayLog>();
        return services;
    }
}
