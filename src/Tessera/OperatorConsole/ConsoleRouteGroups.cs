// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors.Rendering;
using Tessera.Hosting;

namespace Tessera.OperatorConsole;

/// <summary>
/// The console's pages live on the admin listener only. They are not admin API endpoints (a browser cannot send the
/// bearer key those demand): <see cref="MapConsole"/> requires a console session instead, and
/// <see cref="MapConsoleSignIn"/> is the one open door, the sign-in form.
/// </summary>
internal static class ConsoleRouteGroups
{
    /// <summary>Console pages: a console session for every request, its CSRF token on every POST.</summary>
    public static RouteGroupBuilder MapConsole(this IEndpointRouteBuilder endpoints) =>
        MapConsoleSignIn(endpoints).WithMetadata(ConsoleSessionRequiredMetadata.Instance);

    /// <summary>
    /// Console pages of one project's data (<see cref="ConsoleProjectFilter"/>: <c>?project=</c>, the default project
    /// without it); <paramref name="section"/> is where its not-found page sits in the navigation.
    /// </summary>
    public static RouteGroupBuilder MapConsoleProjectPages(this IEndpointRouteBuilder endpoints, ConsoleSection section)
    {
        var group = MapConsole(endpoints);
        group.AddEndpointFilter(new ConsoleProjectFilter(section));
        return group;
    }

    /// <summary>The sign-in page: open, as a login form must be.</summary>
    public static RouteGroupBuilder MapConsoleSignIn(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(string.Empty);
        group.WithMetadata(new SurfaceMetadata(Surface.Admin), NoErrorUiRedirectMetadata.Instance);

        // HTML pages for a browser, not API: kept out of the OpenAPI document and the admin API reference.
        group.ExcludeFromDescription();
        return group;
    }
}
