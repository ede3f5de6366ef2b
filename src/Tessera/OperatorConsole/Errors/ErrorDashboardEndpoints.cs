// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors.Occurrences;
using Tessera.Persistence;
using Tessera.Projects;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// The error dashboard (console session required, like every console page):
/// GET /console/errors?window=hour|day|week          counts over time, per id, per flow, per endpoint, and the funnel
/// GET /console/errors/{code}?window=hour|day|week   one id: its chart and its recent occurrences (the drill-down)
/// Both take <c>project=</c> a slug or an id (default: the default project) and read that project's occurrences;
/// an unknown project is 404 <c>project_not_found</c>.
/// </summary>
internal static class ErrorDashboardEndpoints
{
    private const int RecentLimit = 50;
    private const int MaxCodeLength = 128;

    public static IEndpointRouteBuilder MapErrorDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var console = endpoints.MapConsole();
        console.MapGet(ConsoleSection.Errors.Path, ShowDashboard);
        console.MapGet(ConsoleSection.Errors.Path + "/{code}", ShowOccurrences);
        return endpoints;
    }

    private static async Task<IResult> ShowDashboard(
        HttpContext context, string? window, string? project, OccurrenceQueries queries, ProjectStore projects, NetworkContext network, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var scope = await ErrorDashboardScope.ResolveAsync(project, projects, network, cancellationToken);
        if (!scope.Succeeded)
        {
            return ConsolePage.Failed(context, ConsoleSection.Errors, scope.Error);
        }

        var selected = DashboardWindow.Parse(window);
        using var _ = NetworkContext.Enter(scope.Value.Project.Id);
        var data = new ErrorDashboardData(
            await queries.SeriesAsync(selected, null, cancellationToken),
            await queries.CountsAsync(selected, cancellationToken),
            await queries.ByFlowAsync(selected, cancellationToken),
            await queries.ByEndpointAsync(selected, cancellationToken),
            await queries.FunnelAsync(selected, cancellationToken));
        return ErrorDashboardPage.Render(context, selected, scope.Value, clock.GetUtcNow(), data).ToResult();
    }

    private static async Task<IResult> ShowOccurrences(
        HttpContext context, string code, string? window, string? project, OccurrenceQueries queries, ProjectStore projects, NetworkContext network,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ErrorDashboardScope.ResolveAsync(project, projects, network, cancellationToken);
        if (!scope.Succeeded)
        {
            return ConsolePage.Failed(context, ConsoleSection.Errors, scope.Error);
        }

        var selected = DashboardWindow.Parse(window);
        code = code.Length <= MaxCodeLength ? code : code[..MaxCodeLength];
        using var _ = NetworkContext.Enter(scope.Value.Project.Id);
        var series = await queries.SeriesAsync(selected, code, cancellationToken);
        var recent = await queries.RecentAsync(code, RecentLimit, cancellationToken);
        return ErrorOccurrencesPage.Render(context, selected, scope.Value, clock.GetUtcNow(), code, series, recent).ToResult();
    }
}
