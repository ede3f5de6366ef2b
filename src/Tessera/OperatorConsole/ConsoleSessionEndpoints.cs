// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.Projects.Overlays;
using Tessera.Sessions;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// GET  /console/sessions                the newest sessions, active only by default (?all=true for every one), or one
///                                       identity's (?identity=)
/// POST /console/sessions/{id}/revoke    revokes one, as DELETE /admin/sessions/{id} does
/// Both of one project (<c>?project=</c>; the default project without it).
/// </summary>
internal static class ConsoleSessionEndpoints
{
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapConsoleSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var console = endpoints.MapConsoleProjectPages(ConsoleSection.Sessions);
        console.MapGet("/console/sessions", ListSessions);
        console.MapPost("/console/sessions/{id:guid}/revoke", RevokeSession);
        return endpoints;
    }

    private static async Task<IResult> ListSessions(
        HttpContext context, SessionStore sessions, ProjectOptions<Tessera.Sessions.SessionOptions> options, TimeProvider clock, [FromQuery] Guid? identity, [FromQuery] bool? all,
        CancellationToken cancellationToken)
    {
        var page = new ConsolePage(context, ConsoleSection.Sessions);
        if (ConsoleNotices.Of(context.Request) is { } notice)
        {
            page.Notice(page.T(notice));
        }

        var activeOnly = all != true;
        page.Add(ConsoleProjectSwitch.Render(page, ConsoleProjectScope.Of(context), ConsoleSection.Sessions.Path));
        page.Add(new HtmlMarkup().Open("form", ("method", "get"), ("action", ConsoleSection.Sessions.Path), ("class", "search"), ("role", "search"))
            .Open("div").Element("label", page.T(PageTexts.ConsoleIdentity), ("for", "identity"))
            .Open("input", ("id", "identity"), ("name", "identity"), ("type", "search"), ("value", identity?.ToString() ?? string.Empty)).Close("div")
            .Open("label", ("class", "checkbox"))
            .Open("input", ("type", "checkbox"), ("name", "all"), ("value", "true"), ("checked", activeOnly ? null : string.Empty))
            .Text(page.T(PageTexts.ConsoleAll)).Close("label")
            .Append(page.ProjectField())
            .Element("button", page.T(PageTexts.ConsoleSearch), ("type", "submit"))
            .Close("form"));

        var query = new SessionListQuery(PageSize, identity, activeOnly ? true : null, IdleTimeout: options.Value.IdleTimeout);
        var found = await sessions.ListAsync(query, cancellationToken);
        return page.Add(ConsoleSessionTable.Render(page, found.Items, clock.GetUtcNow(), ConsoleSection.Sessions.Path)).ToResult();
    }

    private static async Task<IResult> RevokeSession(
        Guid id, HttpContext context, SessionStore sessions, SessionRevocations revocations, CancellationToken cancellationToken)
    {
        var session = await sessions.FindByIdAsync(id, cancellationToken);
        if (session is null || !await sessions.RevokeAsync(id, cancellationToken))
        {
            return new ConsolePage(context, ConsoleSection.Sessions, PageTexts.ConsoleFailed.In(Localization.RequestLanguage.Of(context.Request)))
                .Error(ErrorCatalog.SessionNotFound).ToResult(ErrorCatalog.SessionNotFound.Status);
        }

        await revocations.NotifyAsync(session.IdentityId, cancellationToken);
        var form = await context.Request.ReadFormAsync(cancellationToken);
        return new ConsoleRedirect(ConsoleReturnTo.Path(form["return_to"].FirstOrDefault(), ConsoleSection.Sessions.Path) + "?done=revoked");
    }
}
