// SPDX-License-Identifier: Apache-2.0
using Tessera.Projects;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>The project switch of a console page: plain links to the same page for each project; nothing when the default project is the only one.</summary>
internal static class ConsoleProjectSwitch
{
    /// <param name="href">The page's address for a project's <see cref="ConsoleProjectScope.Parameter"/> (null: the default project).</param>
    public static HtmlMarkup Render(ConsolePage page, ConsoleProjectScope scope, Func<string?, string> href)
    {
        var html = new HtmlMarkup();
        if (scope.Projects.Count <= 1)
        {
            return html;
        }

        html.Open("p", ("class", "project-switch")).Text(page.T(PageTexts.ConsoleErrorsProject) + " ");
        foreach (var project in scope.Projects)
        {
            var parameter = project.Slug == ProjectRules.DefaultSlug ? null : project.Slug;
            html.Open("a", ("href", href(parameter)), ("data-project", project.Slug),
                ("aria-current", project.Id == scope.Project.Id ? "page" : null)).Text(project.Name).Close("a").Text(" ");
        }

        return html.Close("p");
    }

    /// <summary>The switch of a page whose address is <paramref name="path"/> and nothing else.</summary>
    public static HtmlMarkup Render(ConsolePage page, ConsoleProjectScope scope, string path) =>
        Render(page, scope, parameter => parameter is null ? path : $"{path}?{ConsoleProjectFilter.QueryParameter}={Uri.EscapeDataString(parameter)}");
}
