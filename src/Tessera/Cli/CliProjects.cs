// SPDX-License-Identifier: Apache-2.0
using Tessera.Projects;

namespace Tessera.Cli;

/// <summary>The project a command names by id or slug, or a failure naming what was not found.</summary>
internal static class CliProjects
{
    public static async Task<Project> FindAsync(IServiceProvider services, string idOrSlug, CancellationToken cancellationToken) =>
        await services.GetRequiredService<ProjectStore>().FindByIdOrSlugAsync(idOrSlug, cancellationToken)
            ?? throw CliFailure.Of(ProjectRules.NotFound(idOrSlug));
}
