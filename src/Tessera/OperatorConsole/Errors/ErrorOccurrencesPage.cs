// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors.Occurrences;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// <c>/console/errors/{code}</c>: one error id or UI message id over the window, and its most recent occurrences with
/// their request id, time and flow (what an occurrence holds: never an identifier, secret or trait).
/// </summary>
internal static class ErrorOccurrencesPage
{
    public static ConsolePage Render(HttpContext context, DashboardWindow window, ConsoleProjectScope scope, DateTimeOffset now, string code, long[] series, IReadOnlyList<ErrorOccurrence> recent)
    {
        var page = new ConsolePage(context, ConsoleSection.Errors, code);
        var back = ConsoleSection.Errors.Path + ErrorDashboardLinks.Query(window, scope.Parameter);
        page.Add(new HtmlMarkup().Open("p").Open("a", ("href", back)).Text(page.T(PageTexts.ConsoleErrorsBack)).Close("a").Close("p"));
        page.Add(ConsoleProjectSwitch.Render(page, scope, project => ErrorDashboardLinks.OccurrencesPath(code) + ErrorDashboardLinks.Query(window, project)));
        page.Add(ErrorDashboardLinks.WindowSwitch(page, ErrorDashboardLinks.OccurrencesPath(code), window, scope.Parameter));
        page.Add(ErrorChart.Render(series, window, now, page.T(PageTexts.ConsoleErrorsChart,
            ("total", series.Sum()), ("from", ConsolePage.Time(now - window.Length)), ("to", ConsolePage.Time(now)))));

        page.Heading(page.T(PageTexts.ConsoleErrorsRecent));
        var table = new DashboardTable(page.T(PageTexts.ConsoleErrorsTime), page.T(PageTexts.ConsoleErrorsRequestId), page.T(PageTexts.ConsoleFlow),
            page.T(PageTexts.ConsoleErrorsFlowId), page.T(PageTexts.ConsoleErrorsEndpoint), page.T(PageTexts.ConsoleStatus), page.T(PageTexts.ConsoleErrorsKind));
        foreach (var occurrence in recent)
        {
            table.Row(ConsolePage.Time(occurrence.OccurredAt), occurrence.RequestId, occurrence.FlowKind, occurrence.FlowId?.ToString("D"),
                occurrence.Endpoint, occurrence.Status?.ToString(CultureInfo.InvariantCulture), ErrorDashboardLinks.KindName(page, occurrence.Kind));
        }

        return page.Add(table.Build(page.T(PageTexts.ConsoleNoResults)));
    }
}
