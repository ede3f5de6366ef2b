// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Configuration;

namespace Tessera.Projects.Overlays;

/// <summary>
/// <typeparamref name="T"/> for the ambient project: the value bound at start when the project has no overlay (no
/// allocation, no look-up beyond one field read when no project has one), else <typeparamref name="T"/> bound from the
/// base configuration with the overlay on top, cached by (project, overlay version). Read <see cref="Value"/> per
/// request, never in a constructor: the project is the request's. A change made on another node is seen within
/// <see cref="ProjectOverlayRefresher.Bound"/> (5 s, the project host cache's bound).
/// </summary>
internal sealed class ProjectOptions<T>(ProjectOptionsBinder<T> binder, ProjectOverlaySnapshot overlays, ConfigurationTree config, UnusableOverlayLog log)
    where T : class
{
    private readonly ConcurrentDictionary<Guid, (long Version, T? Value, ProjectConfigUnusableException? Unusable)> _bound = new();

    /// <summary>Always <paramref name="value"/>: for code that runs outside any project and server (the CLI).</summary>
    public static ProjectOptions<T> Fixed(T value) =>
        new(new ProjectOptionsBinder<T>(_ => value, value), new ProjectOverlaySnapshot(), new ConfigurationTree([], new Dictionary<string, string>()),
            new UnusableOverlayLog(NullLogger<UnusableOverlayLog>.Instance));

    public T Value
    {
        get
        {
            if (overlays.IsEmpty || overlays.Current() is not { } overlay)
            {
                return binder.DeploymentValue;
            }

            if (!_bound.TryGetValue(overlay.ProjectId, out var cached) || cached.Version != overlay.Version)
            {
                cached = Bind(overlay);
                _bound[overlay.ProjectId] = cached;
            }

            if (cached.Unusable is { } unusable)
            {
                log.Report(unusable);
                throw unusable;
            }

            return cached.Value!;
        }
    }

    // The overlay was validated against this configuration when it was written; a restart with a file that no longer
    // accepts it is project_config_unusable for every request that reads T there (fail closed: a project that asked
    // for aal2 never silently gets aal1), remembered for the version so it is not bound again per request.
    private (long Version, T? Value, ProjectConfigUnusableException? Unusable) Bind(ProjectOverlay overlay)
    {
        try
        {
            return (overlay.Version, binder.Bind(config.WithOverlay(overlay.Values)), null);
        }
        catch (ConfigurationException e)
        {
            return (overlay.Version, null, new ProjectConfigUnusableException(overlay.ProjectId, overlay.Version, e));
        }
    }
}
