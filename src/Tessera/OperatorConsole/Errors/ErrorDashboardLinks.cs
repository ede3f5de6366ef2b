// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors.Occurrences;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole.Errors;

/// <summary>The dashboard's links: to one id's drill-down, and the window switch (hour, day, week).</summary>
internal static class ErrorDashboardLinks
{
    public static string Occurrences(string code, DashboardWindow window) =>
        $"{ConsoleSection.Errors.Path}/{Uri.EscapeDataString(code)}?window={window.Name}";

    public static HtmlMarkup Code(string code, DashboardWindow window) =>
        new HtmlMarkup().Open("a", ("href", Occurrences(code, window)), ("data-code", code)).Text(code).Close("a");

    public static HtmlMarkup WindowSwitch(ConsolePage page, string path, DashboardWindow selected)
    {
        var html = new HtmlMarkup().Open("p", ("class", "window-switch")).Text(page.T(PageTexts.ConsoleErrorsWindow) + " ");
        foreach (var window in DashboardWindow.All)
        {
            var name = page.T(window == DashboardWindow.Hour ? PageTexts.ConsoleErrorsHour : window == DashboardWindow.Day ? PageTexts.ConsoleErrorsDay : PageTexts.ConsoleErrorsWeek);
            html.Open("a", ("href", $"{path}?window={window.Name}"), ("aria-current", window == selected ? "page" : null)).Text(name).Close("a").Text(" ");
        }

        return html.Close("p");
    }

    public static string KindName(ConsolePage page, string kind) =>
        page.T(kind == OccurrenceKinds.Error ? PageTexts.ConsoleErrorsKindError : PageTexts.ConsoleErrorsKindMessage);
}
