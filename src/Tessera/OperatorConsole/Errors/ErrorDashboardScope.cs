// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Persistence;
using Tessera.Projects;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// The project the error dashboard reads (<c>?project=</c> a slug or an id; the default project without one) and the
/// projects it can switch to. <see cref="Parameter"/> is what the page's links carry: nothing for the default project,
/// so a single-project deployment's links stay as they were.
/// </summary>
internal sealed record ErrorDashboardScope(Project Project, IReadOnlyList<Project> Projects, bool IsDefault)
{
    public string? Parameter => IsDefault ? null : Project.Slug;

    public static async Task<Result<ErrorDashboardScope>> ResolveAsync(
        string? project, ProjectStore projects, NetworkContext network, CancellationToken cancellationToken)
    {
        var chosen = string.IsNullOrEmpty(project)
            ? await projects.FindAsync(network.DefaultId, cancellationToken)
            : await projects.FindByIdOrSlugAsync(project, cancellationToken);
        if (chosen is null)
        {
            return ProjectRules.NotFound(project ?? string.Empty);
        }

        return new ErrorDashboardScope(chosen, await projects.ListAsync(null, cancellationToken), chosen.Id == network.DefaultId);
    }
}
