// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Persistence;
using Tessera.Projects;

namespace Tessera.OperatorConsole;

/// <summary>
/// The project a console page reads (<c>?project=</c> a slug or an id; the default project without one) and the
/// projects it can switch to. <see cref="Parameter"/> is what the page's links carry: nothing for the default project,
/// so a single-project deployment's links stay as they were. <see cref="ConsoleProjectFilter"/> resolves it once per
/// request for the pages that read a project's data.
/// </summary>
internal sealed record ConsoleProjectScope(Project Project, IReadOnlyList<Project> Projects, bool IsDefault)
{
    private static readonly object ItemKey = new();

    public string? Parameter => IsDefault ? null : Project.Slug;

    public static async Task<Result<ConsoleProjectScope>> ResolveAsync(
        string? project, ProjectStore projects, NetworkContext network, CancellationToken cancellationToken)
    {
        var chosen = string.IsNullOrEmpty(project)
            ? await projects.FindAsync(network.DefaultId, cancellationToken)
            : await projects.FindByIdOrSlugAsync(project, cancellationToken);
        if (chosen is null)
        {
            return ProjectRules.NotFound(project ?? string.Empty);
        }

        return new ConsoleProjectScope(chosen, await projects.ListAsync(null, cancellationToken), chosen.Id == network.DefaultId);
    }

    /// <summary>The scope <see cref="ConsoleProjectFilter"/> resolved for this request, if the page has one.</summary>
    public static ConsoleProjectScope? Find(HttpContext context) => context.Items[ItemKey] as ConsoleProjectScope;

    /// <summary>The scope of a page behind <see cref="ConsoleProjectFilter"/>.</summary>
    public static ConsoleProjectScope Of(HttpContext context) =>
        Find(context) ?? throw new InvalidOperationException("The console page is read without its project (map it with MapConsoleProjectPages).");

    public void Attach(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary><paramref name="path"/> (which may carry a query) keeping this project: unchanged for the default project.</summary>
    public string Link(string path) =>
        Parameter is null ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "project=" + Uri.EscapeDataString(Parameter);
}
