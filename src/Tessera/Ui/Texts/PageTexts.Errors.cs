// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Texts;

/// <summary><c>/ui/error</c>: the error page a person reads.</summary>
internal static partial class PageTexts
{
    public static readonly PageText ErrorTitle = new("error.title", "Error");
    public static readonly PageText ExpiredHeading = new("error.expired.heading", "This took too long");
    public static readonly PageText ExpiredText = new("error.expired.text", "This took too long, please start over. For your security, sign-in and other forms are only valid for a limited time.");
    public static readonly PageText StartOver = new("error.start_over", "Start over");
    public static readonly PageText CsrfHeading = new("error.csrf.heading", "We could not verify this request");
    public static readonly PageText CsrfText = new("error.csrf.text", "The form was sent without the security cookie this browser got when the form was opened, or with another browser's. Things to try:");
    public static readonly PageText CsrfReload = new("error.csrf.reload", "Go back, reload the form and submit it again from this browser and tab.");
    public static readonly PageText CsrfCookies = new("error.csrf.cookies", "Allow cookies for this site; private windows and privacy extensions can block them.");
    public static readonly PageText CsrfOtherBrowser = new("error.csrf.other_browser", "If the form came from a link opened in another browser, start over here.");
    public static readonly PageText ServerHeading = new("error.server.heading", "Something went wrong on our side");
    public static readonly PageText ServerText = new("error.server.text", "This is not something you did. Please try again in a moment. If it keeps happening, contact support and quote these ids:");
    public static readonly PageText GenericHeading = new("error.generic.heading", "Something went wrong");
    public static readonly PageText BackToStart = new("error.back_to_start", "Back to the start");
    public static readonly PageText TechnicalDetails = new("error.details", "Technical details");
    public static readonly PageText ErrorTerm = new("error.term.error", "Error");
    public static readonly PageText StatusTerm = new("error.term.status", "Status");
    public static readonly PageText MessageTerm = new("error.term.message", "Message");
    public static readonly PageText ReasonTerm = new("error.term.reason", "Reason");
    public static readonly PageText RequestTerm = new("error.term.request", "Request");
    public static readonly PageText DetailsTerm = new("error.term.details", "Details");
    public static readonly PageText AboutError = new("error.about", "About {id}");
}
