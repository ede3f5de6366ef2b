// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.SelfService.Flows;
using Tessera.Ui.Pages;

namespace Tessera.Ui.ErrorPages;

/// <summary>
/// The error page a person reads: what happened in plain words chosen by status (410 start over, 403 CSRF what to
/// try, 5xx our fault with the ids to quote), a way back, and the technical details folded away.
/// </summary>
internal static class ErrorPageView
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static HtmlPage Render(ShownError error, SelfServiceLinks links)
    {
        var page = new HtmlPage("Error");
        var body = new HtmlMarkup();
        if (error.Status == StatusCodes.Status410Gone)
        {
            page.Heading("This took too long");
            body.Element("p", "This took too long, please start over. For your security, sign-in and other forms are only valid for a limited time.");
            Action(body, "Start over", StartOver(error, links), "start-over");
        }
        else if (error.Id == ErrorCatalog.SecurityCsrfViolation.Id)
        {
            page.Heading("We could not verify this request");
            body.Element("p", "The form was sent without the security cookie this browser got when the form was opened, or with another browser's. Things to try:")
                .Open("ul")
                .Element("li", "Go back, reload the form and submit it again from this browser and tab.")
                .Element("li", "Allow cookies for this site; private windows and privacy extensions can block them.")
                .Element("li", "If the form came from a link opened in another browser, start over here.")
                .Close("ul");
            Action(body, "Start over", links.Start(FlowKind.Login), "start-over");
        }
        else if (error.Status >= StatusCodes.Status500InternalServerError)
        {
            page.Heading("Something went wrong on our side");
            body.Element("p", "This is not something you did. Please try again in a moment. If it keeps happening, contact support and quote these ids:")
                .Open("p", ("class", "error-id")).Element("strong", "Error: ").Element("code", error.Id).Close("p")
                .Open("p", ("class", "request-id")).Element("strong", "Request: ").Element("code", error.RequestId).Close("p");
            Action(body, "Back to the start", links.Page("/ui/welcome"), "start-over");
        }
        else
        {
            page.Heading(error.Message.Length > 0 ? error.Message : "Something went wrong");
            if (error.Reason.Length > 0 && error.Reason != error.Message)
            {
                body.Element("p", error.Reason);
            }

            Action(body, "Back to the start", links.Page("/ui/welcome"), "start-over");
        }

        return page.Add(body).Add(TechnicalDetails(error));
    }

    // 410s from fetching an expired flow carry where to start its kind again; only our own addresses are followed.
    private static string StartOver(ShownError error, SelfServiceLinks links)
    {
        var root = links.Urls.BaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        return error.Detail("redirect_to") is { } target && target.StartsWith(root, StringComparison.Ordinal) ? target : links.Start(FlowKind.Login);
    }

    private static void Action(HtmlMarkup body, string text, string href, string id) =>
        body.Open("p").Open("a", ("href", href), ("id", id)).Text(text).Close("a").Close("p");

    private static HtmlMarkup TechnicalDetails(ShownError error)
    {
        var html = new HtmlMarkup().Open("details", ("id", "technical-details")).Element("summary", "Technical details").Open("dl");
        html.Element("dt", "Error").Open("dd").Element("code", error.Id, ("id", "error-id")).Close("dd")
            .Element("dt", "Status").Element("dd", error.Status.ToString(CultureInfo.InvariantCulture))
            .Element("dt", "Message").Element("dd", error.Message)
            .Element("dt", "Reason").Element("dd", error.Reason)
            .Element("dt", "Request").Open("dd").Element("code", error.RequestId, ("id", "request-id")).Close("dd");
        if (error.Details is not null)
        {
            html.Element("dt", "Details").Open("dd").Element("pre", error.Details.ToJsonString(Indented)).Close("dd");
        }

        html.Close("dl");
        if (ErrorCatalog.Find(error.Id) is { } entry)
        {
            html.Open("p").Open("a", ("href", ErrorDocumentationLinks.PagePath(entry))).Text($"About {entry.Id}").Close("a").Close("p");
        }

        return html.Close("details");
    }
}
