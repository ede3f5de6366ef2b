// SPDX-License-Identifier: Apache-2.0
using Tessera.Sessions;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>A table of sessions with a revoke button on each active one (the sessions page and an identity's page).</summary>
internal static class ConsoleSessionTable
{
    /// <param name="returnTo">The console page the revoke button comes back to.</param>
    public static HtmlMarkup Render(ConsolePage page, IReadOnlyList<Session> sessions, DateTimeOffset now, string returnTo)
    {
        var table = new HtmlMarkup();
        if (sessions.Count == 0)
        {
            return table.Element("p", page.T(PageTexts.ConsoleNoResults));
        }

        table.Open("table", ("class", "sessions")).Open("thead").Open("tr");
        foreach (var heading in new[] { PageTexts.ConsoleId, PageTexts.ConsoleIdentity, PageTexts.ConsoleActive, PageTexts.ConsoleAal, PageTexts.ConsoleAuthenticatedAt, PageTexts.ConsoleExpiresAt })
        {
            table.Element("th", page.T(heading), ("scope", "col"));
        }

        table.Element("th", string.Empty).Close("tr").Close("thead").Open("tbody");
        foreach (var session in sessions)
        {
            var usable = session.IsUsableAt(now);
            table.Open("tr", ("data-session-id", session.Id.ToString()))
                .Open("td").Element("code", session.Id.ToString()).Close("td")
                .Open("td").Open("a", ("href", page.Link($"{ConsoleSection.Identities.Path}/{session.IdentityId}"))).Text(session.IdentityId.ToString()).Close("a").Close("td")
                .Element("td", usable ? "✓" : "-")
                .Element("td", session.Aal)
                .Element("td", ConsolePage.Time(session.AuthenticatedAt))
                .Element("td", ConsolePage.Time(session.ExpiresAt))
                .Open("td");
            if (usable)
            {
                table.Append(page.Form($"/console/sessions/{session.Id}/revoke", page.T(PageTexts.ConsoleRevoke), "danger", ("return_to", returnTo)));
            }

            table.Close("td").Close("tr");
        }

        return table.Close("tbody").Close("table");
    }
}
