// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Mvc;
using Tessera.SelfService.Hooks;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// GET /console/hooks    the web hook execution log, newest first (?flow= or ?identity= to narrow it), as
///                       GET /admin/hooks/executions lists it. A hook's URL is shown without its query and user info,
///                       where operators put tokens.
/// </summary>
internal static class ConsoleHookEndpoints
{
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapConsoleHookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsole().MapGet("/console/hooks", ListExecutions);
        return endpoints;
    }

    private static async Task<IResult> ListExecutions(
        HttpContext context, HookExecutionStore store, [FromQuery] Guid? flow, [FromQuery] Guid? identity, CancellationToken cancellationToken)
    {
        var page = new ConsolePage(context, ConsoleSection.Hooks);
        var executions = await store.ListAsync(flow, identity, PageSize, cancellationToken);
        if (executions.Count == 0)
        {
            return page.Paragraph(page.T(PageTexts.ConsoleNoResults)).ToResult();
        }

        var table = new HtmlMarkup().Open("table", ("class", "hooks")).Open("thead").Open("tr");
        foreach (var heading in new[] { PageTexts.ConsoleCreatedAt, PageTexts.ConsoleHook, PageTexts.ConsoleFlow, PageTexts.ConsoleIdentity, PageTexts.ConsoleOutcome, PageTexts.ConsoleStatus, PageTexts.ConsoleDuration, PageTexts.ConsoleRetries, PageTexts.ConsoleLastError })
        {
            table.Element("th", page.T(heading), ("scope", "col"));
        }

        table.Close("tr").Close("thead").Open("tbody");
        foreach (var execution in executions)
        {
            table.Open("tr", ("data-execution-id", execution.Id.ToString()), ("data-outcome", execution.Outcome))
                .Element("td", ConsolePage.Time(execution.CreatedAt))
                .Open("td").Text($"{execution.Point} #{execution.HookIndex} ").Element("code", Shown(execution.Url)).Close("td")
                .Element("td", execution.FlowId?.ToString() ?? "-")
                .Open("td");
            if (execution.IdentityId is { } identityId)
            {
                table.Open("a", ("href", $"{ConsoleSection.Identities.Path}/{identityId}")).Text(identityId.ToString()).Close("a");
            }

            table.Close("td")
                .Element("td", execution.Outcome)
                .Element("td", execution.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")
                .Element("td", $"{execution.LatencyMs} ms")
                .Element("td", execution.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Element("td", execution.Error ?? string.Empty)
                .Close("tr");
        }

        return page.Add(table.Close("tbody").Close("table")).ToResult();
    }

    private static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? $"{parsed.Scheme}://{parsed.Authority}{parsed.AbsolutePath}" : "-";
}
