// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;

namespace Tessera.Ui;

/// <summary>
/// Builds the built-in pages' HTML. Tag and attribute names come from our code; every text and attribute value is
/// HTML-encoded here, so nothing a flow, an identity's traits or an error carries can become markup.
/// </summary>
internal sealed class HtmlMarkup
{
    private readonly StringBuilder _html = new();

    /// <summary>An opening tag. A null attribute value leaves the attribute out; an empty one writes it bare (<c>required</c>).</summary>
    public HtmlMarkup Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _html.Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlMarkup Close(string tag)
    {
        _html.Append("</").Append(tag).Append(">\n");
        return this;
    }

    public HtmlMarkup Text(string text)
    {
        _html.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    /// <summary>An element holding only text: <c>&lt;p class="x"&gt;text&lt;/p&gt;</c>.</summary>
    public HtmlMarkup Element(string tag, string text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlMarkup Append(HtmlMarkup other)
    {
        _html.Append(other._html);
        return this;
    }

    public override string ToString() => _html.ToString();
}
