// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.SelfService.Flows;

namespace Tessera.Ui.Pages;

/// <summary>
/// The built-in self-service UI (public listener), where every default <c>ui_url</c> points:
/// GET /ui/login?flow=          sign in (also re-authentication and the second factor)
/// GET /ui/registration?flow=   create an account
/// GET /ui/recovery?flow=       recover an account
/// GET /ui/verification?flow=   verify an address
/// GET /ui/settings?flow=       account settings
/// GET /ui/welcome              the default return URL: the session, and signing out
/// Server-rendered HTML forms that post to the flow's <c>ui.action</c>; no JavaScript.
/// </summary>
internal static class SelfServicePageEndpoints
{
    public static IEndpointRouteBuilder MapSelfServicePages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapPublicApi();
        pages.MapGet("/ui/login", ShowLogin);
        pages.MapGet("/ui/registration", ShowRegistration);
        pages.MapGet("/ui/recovery", ShowRecovery);
        pages.MapGet("/ui/verification", ShowVerification);
        pages.MapGet("/ui/settings", ShowSettings);
        pages.MapGet("/ui/welcome", WelcomePage.ShowAsync);
        return endpoints;
    }

    private static Task<IResult> ShowLogin(
        HttpContext context, [AsParameters] FlowPageServices services, [AsParameters] SelfServiceLinks links, CancellationToken cancellationToken) =>
        FlowPage.ShowAsync(FlowKind.Login, context, services, links, cancellationToken);

    private static Task<IResult> ShowRegistration(
        HttpContext context, [AsParameters] FlowPageServices services, [AsParameters] SelfServiceLinks links, CancellationToken cancellationToken) =>
        FlowPage.ShowAsync(FlowKind.Registration, context, services, links, cancellationToken);

    private static Task<IResult> ShowRecovery(
        HttpContext context, [AsParameters] FlowPageServices services, [AsParameters] SelfServiceLinks links, CancellationToken cancellationToken) =>
        FlowPage.ShowAsync(FlowKind.Recovery, context, services, links, cancellationToken);

    private static Task<IResult> ShowVerification(
        HttpContext context, [AsParameters] FlowPageServices services, [AsParameters] SelfServiceLinks links, CancellationToken cancellationToken) =>
        FlowPage.ShowAsync(FlowKind.Verification, context, services, links, cancellationToken);

    private static Task<IResult> ShowSettings(
        HttpContext context, [AsParameters] FlowPageServices services, [AsParameters] SelfServiceLinks links, CancellationToken cancellationToken) =>
        FlowPage.ShowAsync(FlowKind.Settings, context, services, links, cancellationToken);
}
