// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors.Occurrences;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// The error dashboard (console session required, like every console page):
/// GET /console/errors?window=hour|day|week          counts over time, per id, per flow, per endpoint, and the funnel
/// GET /console/errors/{code}?window=hour|day|week   one id: its chart and its recent occurrences (the drill-down)
/// Both take <c>project=</c> a slug or an id (default: the default project) and read that project's occurrences;
/// an unknown project is 404 <c>project_not_found</c> (<see cref="ConsoleProjectFilter"/>, as the other console pages).
/// </summary>
internal static class ErrorDashboardEndpoints
{
    private const int RecentLimit = 50;
    private const int MaxCodeLength = 128;

    public static IEndpointRouteBuilder MapErrorDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var console = endpoints.MapConsoleProjectPages(ConsoleSection.Errors);
        console.MapGet(ConsoleSection.Errors.Path, ShowDashboard);
        console.MapGet(ConsoleSection.Errors.Path + "/{code}", ShowOccurrences);
        return endpoints;
    }

    private static async Task<IResult> ShowDashboard(
        HttpContext context, string? window, OccurrenceQueries queries, CancellationToken cancellationToken)
    {
        var selected = DashboardWindow.Parse(window);
        await using var read = await queries.ReadAsync(cancellationToken);
        var data = new ErrorDashboardData(
            await read.SeriesAsync(selected, null, cancellationToken),
            await read.CountsAsync(selected, cancellationToken),
            await read.ByFlowAsync(selected, cancellationToken),
            await read.ByEndpointAsync(selected, cancellationToken),
            await read.FunnelAsync(selected, cancellationToken));
        return ErrorDashboardPage.Render(context, selected, ConsoleProjectScope.Of(context), read.Now, data).ToResult();
    }

    private static async Task<IResult> ShowOccurrences(
        HttpContext context, string code, string? window, OccurrenceQueries queries, CancellationToken cancellationToken)
    {
        var selected = DashboardWindow.Parse(window);
        code = code.Length <= MaxCodeLength ? code : code[..MaxCodeLength];
        await using var read = await queries.ReadAsync(cancellationToken);
        var series = await read.SeriesAsync(selected, code, cancellationToken);
        var recent = await read.RecentAsync(code, RecentLimit, cancellationToken);
        return ErrorOccurrencesPage.Render(context, selected, ConsoleProjectScope.Of(context), read.Now, code, series, recent).ToResult();
    }
}
