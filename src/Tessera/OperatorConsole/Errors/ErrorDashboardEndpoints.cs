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
        HttpContext context, string? window, OccurrenceQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var selected = DashboardWindow.Parse(window);
        var data = new ErrorDashboardData(
            await queries.SeriesAsync(selected, null, cancellationToken),
            await queries.CountsAsync(selected, cancellationToken),
            await queries.ByFlowAsync(selected, cancellationToken),
            await queries.ByEndpointAsync(selected, cancellationToken),
            await queries.FunnelAsync(selected, cancellationToken));
        return ErrorDashboardPage.Render(context, selected, ConsoleProjectScope.Of(context), clock.GetUtcNow(), data).ToResult();
    }

    private static async Task<IResult> ShowOccurrences(
        HttpContext context, string code, string? window, OccurrenceQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var selected = DashboardWindow.Parse(window);
        code = code.Length <= MaxCodeLength ? code : code[..MaxCodeLength];
        var series = await queries.SeriesAsync(selected, code, cancellationToken);
        var recent = await queries.RecentAsync(code, RecentLimit, cancellationToken);
        return ErrorOccurrencesPage.Render(context, selected, ConsoleProjectScope.Of(context), clock.GetUtcNow(), code, series, recent).ToResult();
    }
}
