// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.Localization;
using Tessera.SelfService.Flows;
using Tessera.Ui.Messages;
using Tessera.Ui.Pages;
using Tessera.Ui.Texts;

namespace Tessera.Ui.ErrorPages;

/// <summary>
/// The error page a person reads: what happened in plain words chosen by status (410 start over, 403 CSRF what to
/// try, 5xx our fault with the ids to quote), a way back, and the technical details folded away.
/// </summary>
internal static class ErrorPageView
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static HtmlPage Render(ShownError error, SelfServiceLinks links, string? language = null)
    {
        var page = new HtmlPage(PageTexts.ErrorTitle.In(language), language);
        var body = new HtmlMarkup();
        if (error.Status == StatusCodes.Status410Gone)
        {
            page.Heading(PageTexts.ExpiredHeading.In(language));
            body.Element("p", PageTexts.ExpiredText.In(language));
            Action(body, PageTexts.StartOver.In(language), StartOver(error, links), "start-over");
        }
        else if (error.Id == ErrorCatalog.SecurityCsrfViolation.Id)
        {
            page.Heading(PageTexts.CsrfHeading.In(language));
            body.Element("p", PageTexts.CsrfText.In(language))
                .Open("ul")
                .Element("li", PageTexts.CsrfReload.In(language))
                .Element("li", PageTexts.CsrfCookies.In(language))
                .Element("li", PageTexts.CsrfOtherBrowser.In(language))
                .Close("ul");
            Action(body, PageTexts.StartOver.In(language), links.Start(FlowKind.Login), "start-over");
        }
        else if (error.Status >= StatusCodes.Status500InternalServerError)
        {
            page.Heading(PageTexts.ServerHeading.In(language));
            body.Element("p", PageTexts.ServerText.In(language))
                .Open("p", ("class", "error-id")).Element("strong", PageTexts.ErrorTerm.In(language) + ": ").Element("code", error.Id).Close("p")
                .Open("p", ("class", "request-id")).Element("strong", PageTexts.RequestTerm.In(language) + ": ").Element("code", error.RequestId).Close("p");
            Action(body, PageTexts.BackToStart.In(language), links.Page("/ui/welcome"), "start-over");
        }
        else
        {
            var message = ErrorMessages.In(error.Id, error.Message, language);
            page.Heading(message.Length > 0 ? message : PageTexts.GenericHeading.In(language));
            // Reasons are written for each occurrence, in English: in another language they stay in the technical details.
            if (error.Reason.Length > 0 && error.Reason != error.Message && Languages.Match(language) is null or Languages.English)
            {
                body.Element("p", error.Reason);
            }

            Action(body, PageTexts.BackToStart.In(language), links.Page("/ui/welcome"), "start-over");
        }

        return page.Add(body).Add(TechnicalDetails(error, language));
    }

    // 410s from fetching an expired flow carry where to start its kind again; only our own addresses are followed.
    private static string StartOver(ShownError error, SelfServiceLinks links)
    {
        var root = links.Urls.BaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        return error.Detail("redirect_to") is { } target && target.StartsWith(root, StringComparison.Ordinal) ? target : links.Start(FlowKind.Login);
    }

    private static void Action(HtmlMarkup body, string text, string href, string id) =>
        body.Open("p").Open("a", ("href", href), ("id", id)).Text(text).Close("a").Close("p");

    // The technical details stay as the server wrote them (what support reads and searches for); only labels change.
    private static HtmlMarkup TechnicalDetails(ShownError error, string? language)
    {
        var html = new HtmlMarkup().Open("details", ("id", "technical-details")).Element("summary", PageTexts.TechnicalDetails.In(language)).Open("dl");
        html.Element("dt", PageTexts.ErrorTerm.In(language)).Open("dd").Element("code", error.Id, ("id", "error-id")).Close("dd")
            .Element("dt", PageTexts.StatusTerm.In(language)).Element("dd", error.Status.ToString(CultureInfo.InvariantCulture))
            .Element("dt", PageTexts.MessageTerm.In(language)).Element("dd", error.Message)
            .Element("dt", PageTexts.ReasonTerm.In(language)).Element("dd", error.Reason)
            .Element("dt", PageTexts.RequestTerm.In(language)).Open("dd").Element("code", error.RequestId, ("id", "request-id")).Close("dd");
        if (error.Details is not null)
        {
            html.Element("dt", PageTexts.DetailsTerm.In(language)).Open("dd").Element("pre", error.Details.ToJsonString(Indented)).Close("dd");
        }

        html.Close("dl");
        if (ErrorCatalog.Find(error.Id) is { } entry)
        {
            var about = TextTemplate.Render(PageTexts.AboutError.In(language), new Dictionary<string, object?> { ["id"] = entry.Id });
            html.Open("p").Open("a", ("href", ErrorDocumentationLinks.PagePath(entry))).Text(about).Close("a").Close("p");
        }

        return html.Close("details");
    }
}
