// SPDX-License-Identifier: Apache-2.0
using Tessera.Localization;
using Tessera.Security.ApiKeys;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// The console's door (admin listener; see <see cref="ConsoleSessions"/> for why a cookie):
/// GET  /console            the start page
/// GET  /console/sign-in    the sign-in form (paste an admin key; no key while admin auth is off)
/// POST /console/sign-in    starts a console session, then to /console
/// POST /console/sign-out   ends it
/// </summary>
internal static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var door = endpoints.MapConsoleSignIn();
        door.MapGet(ConsoleSessionMiddleware.SignInPath, ShowSignIn);
        door.MapPost(ConsoleSessionMiddleware.SignInPath, SignIn).DisableAntiforgery();

        var console = endpoints.MapConsole();
        console.MapGet("/console", ShowHome);
        console.MapPost("/console/sign-out", SignOut);
        endpoints.MapConsoleIdentityEndpoints();
        endpoints.MapConsoleSessionEndpoints();
        endpoints.MapConsoleCourierEndpoints();
        endpoints.MapConsoleHookEndpoints();
        return endpoints;
    }

    private static IResult ShowHome(HttpContext context)
    {
        var page = new ConsolePage(context, ConsoleSection.Home).Paragraph(PageTexts.ConsoleWelcome.In(RequestLanguage.Of(context.Request)));
        if (ConsoleRequest.SessionOf(context) is { ApiKeyId: not null } session)
        {
            page.Paragraph(page.T(PageTexts.ConsoleSignedInWithKey, ("expires_at", ConsolePage.Time(session.ExpiresAt))));
        }

        var links = new HtmlMarkup().Open("ul");
        foreach (var section in ConsoleSection.Navigation.Skip(1))
        {
            links.Open("li").Open("a", ("href", section.Path)).Text(page.T(section.Name)).Close("a").Close("li");
        }

        return page.Add(links.Close("ul")).ToResult();
    }

    private static async Task<IResult> ShowSignIn(HttpContext context, ApiKeyService keys, CancellationToken cancellationToken) =>
        ConsoleSignInPage.Render(context, await keys.AdminKeyRequiredAsync(cancellationToken), null).ToResult();

    // The sign-in is its own CSRF check: without the right admin key it does nothing, and SameSite=Strict keeps a
    // cross-site form from riding an existing session (login CSRF into an operator's own console is harmless).
    private static async Task<IResult> SignIn(HttpContext context, ConsoleSessions sessions, CancellationToken cancellationToken)
    {
        string? key = null;
        if (context.Request.HasFormContentType)
        {
            try
            {
                key = (await context.Request.ReadFormAsync(cancellationToken))[ConsoleSignInPage.KeyField].FirstOrDefault();
            }
            catch (InvalidDataException)
            {
                key = null;
            }
        }

        var result = await sessions.SignInAsync(context, key, cancellationToken);
        if (!result.Succeeded)
        {
            return ConsoleSignInPage.Render(context, true, result.Error).ToResult(result.Error.Status);
        }

        return new ConsoleRedirect(ConsoleSection.Home.Path);
    }

    private static async Task<IResult> SignOut(HttpContext context, ConsoleSessions sessions, CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(context, ConsoleRequest.SessionOf(context)!, cancellationToken);
        return new ConsoleRedirect(ConsoleSessionMiddleware.SignInPath);
    }
}
