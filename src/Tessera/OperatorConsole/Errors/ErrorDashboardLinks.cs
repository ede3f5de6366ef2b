// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors.Occurrences;
using Tessera.Projects;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// The dashboard's links: to one id's drill-down, the window switch (hour, day, week) and the project switch. Each
/// keeps the chosen project (<see cref="ErrorDashboardScope.Parameter"/>; none for the default project).
/// </summary>
internal static class ErrorDashboardLinks
{
    public static string Query(DashboardWindow window, string? project) =>
        project is null ? $"?window={window.Name}" : $"?window={window.Name}&project={Uri.EscapeDataString(project)}";

    public static string OccurrencesPath(string code) => $"{ConsoleSection.Errors.Path}/{Uri.EscapeDataString(code)}";

    public static HtmlMarkup Code(string code, DashboardWindow window, string? project) =>
        new HtmlMarkup().Open("a", ("href", OccurrencesPath(code) + Query(window, project)), ("data-code", code)).Text(code).Close("a");

    public static HtmlMarkup WindowSwitch(ConsolePage page, string path, DashboardWindow selected, string? project)
    {
        var html = new HtmlMarkup().Open("p", ("class", "window-switch")).Text(page.T(PageTexts.ConsoleErrorsWindow) + " ");
        foreach (var window in DashboardWindow.All)
        {
            var name = page.T(window == DashboardWindow.Hour ? PageTexts.ConsoleErrorsHour : window == DashboardWindow.Day ? PageTexts.ConsoleErrorsDay : PageTexts.ConsoleErrorsWeek);
            html.Open("a", ("href", path + Query(window, project)), ("aria-current", window == selected ? "page" : null)).Text(name).Close("a").Text(" ");
        }

        return html.Close("p");
    }

    /// <summary>Plain links to the same page for each project; nothing when the default project is the only one.</summary>
    public static HtmlMarkup ProjectSwitch(ConsolePage page, string path, DashboardWindow window, ErrorDashboardScope scope)
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
            html.Open("a", ("href", path + Query(window, parameter)), ("data-project", project.Slug),
                ("aria-current", project.Id == scope.Project.Id ? "page" : null)).Text(project.Name).Close("a").Text(" ");
        }

        return html.Close("p");
    }

    public static string KindName(ConsolePage page, string kind) =>
        page.T(kind == OccurrenceKinds.Error ? PageTexts.ConsoleErrorsKindError : PageTexts.ConsoleErrorsKindMessage);
}
