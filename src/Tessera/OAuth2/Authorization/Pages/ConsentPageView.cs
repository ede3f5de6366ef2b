// SPDX-License-Identifier: Apache-2.0
using Tessera.OAuth2.Authorization.Flows;
using Tessera.Security.Csrf;
using Tessera.Ui;
using Tessera.Ui.Messages;
using Tessera.Ui.Texts;

namespace Tessera.OAuth2.Authorization.Pages;

/// <summary>
/// The consent page: which application asks, for what, and Allow / Deny with a "remember" choice. A plain form
/// posted back to <c>/ui/consent</c> with the browser's CSRF token (masked afresh per page).
/// </summary>
internal static class ConsentPageView
{
    public static HtmlPage Render(AuthorizationFlow flow, string challenge, string clientName, string csrfToken, string? language = null)
    {
        var scopes = new HtmlMarkup().Open("ul", ("id", "scopes"));
        foreach (var scope in flow.RequestedScopes)
        {
            scopes.Element("li", ScopeDescriptions.For(scope, language), ("data-scope", scope));
        }

        var form = new HtmlMarkup()
            .Open("form", ("method", "post"), ("action", "/ui/consent"), ("id", "consent"))
            .Open("input", ("type", "hidden"), ("name", CsrfProtection.FieldName), ("value", CsrfTokenMask.Mask(csrfToken)))
            .Open("input", ("type", "hidden"), ("name", "consent_challenge"), ("value", challenge))
            .Open("p")
            .Open("label").Open("input", ("type", "checkbox"), ("name", "remember"), ("value", "true"), ("id", "remember"))
            .Text(" " + PageTexts.ConsentRemember.In(language)).Close("label")
            .Close("p")
            .Open("button", ("type", "submit"), ("name", "action"), ("value", "allow"), ("id", "allow")).Text(PageTexts.ConsentAllow.In(language)).Close("button")
            .Open("button", ("type", "submit"), ("name", "action"), ("value", "deny"), ("id", "deny")).Text(PageTexts.ConsentDeny.In(language)).Close("button")
            .Close("form");

        return new HtmlPage(PageTexts.ConsentTitle.In(language), language)
            .Heading(TextTemplate.Render(PageTexts.ConsentHeading.In(language), new Dictionary<string, object?> { ["client"] = clientName }))
            .Paragraph(PageTexts.ConsentIntro.In(language))
            .Add(scopes.Close("ul"))
            .Add(form);
    }
}
