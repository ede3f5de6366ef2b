// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors.Occurrences;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// <c>/console/errors</c>: occurrences over the window as a chart, the ids users hit (each linking to its
/// occurrences), the same per flow and per endpoint, and the funnel of every flow kind; of the chosen project.
/// </summary>
internal static class ErrorDashboardPage
{
    public static ConsolePage Render(HttpContext context, DashboardWindow window, ConsoleProjectScope scope, DateTimeOffset now, ErrorDashboardData data)
    {
        var page = new ConsolePage(context, ConsoleSection.Errors);
        page.Paragraph(page.T(PageTexts.ConsoleErrorsIntro));
        page.Add(ConsoleProjectSwitch.Render(page, scope, project => ConsoleSection.Errors.Path + ErrorDashboardLinks.Query(window, project)));
        page.Add(ErrorDashboardLinks.WindowSwitch(page, ConsoleSection.Errors.Path, window, scope.Parameter));
        var none = page.T(PageTexts.ConsoleNoResults);

        page.Heading(page.T(PageTexts.ConsoleErrorsOverTime));
        page.Add(ErrorChart.Render(data.Series, window, now, page.T(PageTexts.ConsoleErrorsChart,
            ("total", data.Series.Sum()), ("from", ConsolePage.Time(now - window.Length)), ("to", ConsolePage.Time(now)))));

        page.Heading(page.T(PageTexts.ConsoleErrorsById));
        var byId = new DashboardTable(page.T(PageTexts.ConsoleErrorsCode), page.T(PageTexts.ConsoleErrorsKind), page.T(PageTexts.ConsoleErrorsCount));
        foreach (var count in data.Counts)
        {
            byId.Row(ErrorDashboardLinks.Code(count.Code, window, scope.Parameter), ErrorDashboardLinks.KindName(page, count.Kind), Number(count.Count));
        }

        page.Add(byId.Build(none));
        page.Heading(page.T(PageTexts.ConsoleErrorsByFlow)).Add(Grouped(page, PageTexts.ConsoleFlow, data.ByFlow, window, scope, none));
        page.Heading(page.T(PageTexts.ConsoleErrorsByEndpoint)).Add(Grouped(page, PageTexts.ConsoleErrorsEndpoint, data.ByEndpoint, window, scope, none));

        page.Heading(page.T(PageTexts.ConsoleErrorsFunnel));
        var funnel = new DashboardTable(page.T(PageTexts.ConsoleFlow), page.T(PageTexts.ConsoleErrorsCreated), page.T(PageTexts.ConsoleErrorsSubmitted),
            page.T(PageTexts.ConsoleErrorsSucceeded), page.T(PageTexts.ConsoleErrorsFailedFlows), page.T(PageTexts.ConsoleErrorsFailures));
        foreach (var flow in data.Funnel)
        {
            var failures = new HtmlMarkup();
            foreach (var failure in flow.Failures)
            {
                failures.Append(ErrorDashboardLinks.Code(failure.ErrorId, window, scope.Parameter)).Text($" ({Number(failure.Count)}) ");
            }

            funnel.Row(flow.FlowKind, Number(flow.Created), Number(flow.Submitted), Number(flow.Succeeded), Number(flow.Failed), failures);
        }

        return page.Add(funnel.Build(none));
    }

    private static HtmlMarkup Grouped(ConsolePage page, PageText group, IReadOnlyList<OccurrenceCount> counts, DashboardWindow window, ConsoleProjectScope scope, string none)
    {
        var table = new DashboardTable(page.T(group), page.T(PageTexts.ConsoleErrorsCode), page.T(PageTexts.ConsoleErrorsKind), page.T(PageTexts.ConsoleErrorsCount));
        foreach (var count in counts)
        {
            table.Row(count.Group, ErrorDashboardLinks.Code(count.Code, window, scope.Parameter), ErrorDashboardLinks.KindName(page, count.Kind), Number(count.Count));
        }

        return table.Build(none);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
