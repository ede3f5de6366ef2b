// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors.Occurrences;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// The dashboard's links: to one id's drill-down and the window switch (hour, day, week). Each
/// keeps the chosen project (<see cref="ConsoleProjectScope.Parameter"/>; none for the default project).
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

    public static string KindName(ConsolePage page, string kind) =>
        page.T(kind == OccurrenceKinds.Error ? PageTexts.ConsoleErrorsKindError : PageTexts.ConsoleErrorsKindMessage);
}
