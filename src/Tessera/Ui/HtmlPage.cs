// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Projects.Routing;
using System.Net;
using System.Text;

namespace Tessera.Ui;

/// <summary>
/// The layout every built-in page shares (flows, welcome, error, error reference): one document shape and the one
/// stylesheet. Content is added through <see cref="HtmlMarkup"/>, which encodes every value. A page served for a named
/// project (routing by host) carries the project's name in its title and above the content, so a user can tell
/// which project's sign-in they are on; the default project's pages name Tessera as before.
/// </summary>
internal sealed class HtmlPage(string title, string? language = null)
{
    private readonly HtmlMarkup _body = new();
    private string? _width;

    public HtmlPage Heading(string text)
    {
        _body.Element("h1", text);
        return this;
    }

    public HtmlPage Paragraph(string text)
    {
        _body.Element("p", text);
        return this;
    }

    public HtmlPage Field(string label, string value, string? cssClass = null)
    {
        _body.Open("p", ("class", cssClass)).Element("strong", label + ":").Text(" ").Element("code", value).Close("p");
        return this;
    }

    public HtmlPage Link(string text, string href)
    {
        _body.Open("p").Open("a", ("href", href)).Text(text).Close("a").Close("p");
        return this;
    }

    public HtmlPage Add(HtmlMarkup markup)
    {
        _body.Append(markup);
        return this;
    }

    /// <summary>A wider column, for pages with several forms or long values (settings, error reference).</summary>
    public HtmlPage Wide()
    {
        _width = "wide";
        return this;
    }

    /// <summary>The widest column, for tables (the operator console).</summary>
    public HtmlPage Full()
    {
        _width = "full";
        return this;
    }

    public IResult ToResult(int status) => new HtmlPageResult(this, status);

    /// <param name="projectName">The named project the page is served for; null for the default project.</param>
    public string Render(string? projectName = null) =>
        $$"""
        <!DOCTYPE html>
        <html lang="{{language ?? Tessera.Localization.Languages.English}}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
        <title>{{WebUtility.HtmlEncode(title)}} · {{WebUtility.HtmlEncode(projectName ?? "Tessera")}}</title>
        <style>{{UiStylesheet.Css}}</style></head>
        <body>
        {{(projectName is null ? string.Empty : $"<header class=\"project\">{WebUtility.HtmlEncode(projectName)}</header>\n")}}<main{{(_width is null ? string.Empty : $" class=\"{_width}\"")}}>
        {{_body}}</main>
        </body>
        </html>
        """;

    /// <summary>
    /// The page, never cached (it may show a session or a form's CSRF token) and never framed (clickjacking on the
    /// sign-in forms).
    /// </summary>
    private sealed class HtmlPageResult(HtmlPage page, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var html = page.Render(ProjectHostMatch.Of(httpContext)?.Name);
            var headers = httpContext.Response.Headers;
            headers.CacheControl = SecurityHeadersMiddleware.NoStore;
            headers.XFrameOptions = "DENY";
            headers[UiContentSecurityPolicy.HeaderName] = UiContentSecurityPolicy.For(httpContext);
            return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(httpContext);
        }
    }
}
