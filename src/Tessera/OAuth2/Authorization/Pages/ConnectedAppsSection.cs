// SPDX-License-Identifier: Apache-2.0
using Tessera.OAuth2.Authorization.Admin;
using Tessera.OAuth2.Authorization.Consent;
using Tessera.Security.Csrf;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OAuth2.Authorization.Pages;

/// <summary>
/// The settings page's "Apps with access" section: the applications the signed-in user let in with a remembered
/// consent, each with a revoke button (a CSRF-protected form posted to <c>/ui/settings/apps/revoke</c>).
/// </summary>
internal sealed class ConnectedAppsSection(ConsentGrantStore grants, ClientDescriptions clients, CsrfProtection csrf, TimeProvider clock)
{
    /// <param name="language">The settings page's language (its flow's).</param>
    public async Task<HtmlMarkup> RenderAsync(HttpContext context, Guid identityId, string? language, CancellationToken cancellationToken)
    {
        var html = new HtmlMarkup().Open("section", ("id", "connected-apps")).Element("h2", PageTexts.AppsHeading.In(language));
        var byClient = (await grants.ListAsync(identityId.ToString(), clock.GetUtcNow(), cancellationToken: cancellationToken))
            .GroupBy(g => g.ClientId, StringComparer.Ordinal)
            .ToList();
        if (byClient.Count == 0)
        {
            return html.Element("p", PageTexts.AppsNone.In(language)).Close("section");
        }

        var token = csrf.EnsureToken(context);
        html.Open("ul");
        foreach (var app in byClient)
        {
            var scopes = app.SelectMany(g => g.Scopes).Distinct(StringComparer.Ordinal).Select(scope => ScopeDescriptions.For(scope, language));
            html.Open("li", ("data-client-id", app.Key))
                .Element("strong", await clients.NameAsync(app.Key, cancellationToken))
                .Element("p", string.Join("; ", scopes))
                .Open("form", ("method", "post"), ("action", ConsentPageEndpoints.RevokePath))
                .Open("input", ("type", "hidden"), ("name", CsrfProtection.FieldName), ("value", CsrfTokenMask.Mask(token)))
                .Open("input", ("type", "hidden"), ("name", "client_id"), ("value", app.Key))
                .Open("input", ("type", "hidden"), ("name", "return_to"), ("value", "/ui/welcome"))
                .Open("button", ("type", "submit"), ("id", $"revoke-{app.Key}")).Text(PageTexts.AppsRevoke.In(language)).Close("button")
                .Close("form")
                .Close("li");
        }

        return html.Close("ul").Close("section");
    }
}
