// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;

namespace Tessera.Ui.ErrorPages;

/// <summary>
/// The built-in pages' minimal HTML: a title and encoded paragraphs. Every value is HTML-encoded here, so nothing a
/// request or an error carries can become markup.
/// </summary>
internal sealed class HtmlPage(string title)
{
    private readonly StringBuilder _body = new();

    public HtmlPage Heading(string text)
    {
        _body.Append("<h1>").Append(WebUtility.HtmlEncode(text)).Append("</h1>\n");
        return this;
    }

    public HtmlPage Paragraph(string text)
    {
        _body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
        return this;
    }

    public HtmlPage Field(string label, string value, string? cssClass = null)
    {
        _body.Append("<p");
        if (cssClass is not null)
        {
            _body.Append(" class=\"").Append(WebUtility.HtmlEncode(cssClass)).Append('"');
        }

        _body.Append("><strong>").Append(WebUtility.HtmlEncode(label)).Append(":</strong> <code>")
            .Append(WebUtility.HtmlEncode(value)).Append("</code></p>\n");
        return this;
    }

    public HtmlPage Link(string text, string href)
    {
        _body.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">")
            .Append(WebUtility.HtmlEncode(text)).Append("</a></p>\n");
        return this;
    }

    public IResult ToResult(int status) => Results.Content(Render(), "text/html; charset=utf-8", Encoding.UTF8, status);

    public string Render() =>
        $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2rem}</style></head>
        <body>
        {{_body}}</body>
        </html>
        """;
}
