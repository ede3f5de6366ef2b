// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui;

namespace Tessera.OperatorConsole.Errors;

/// <summary>A plain table for the error dashboard: header texts, then rows of cells (a cell is text or markup).</summary>
internal sealed class DashboardTable
{
    private readonly HtmlMarkup _html = new();

    public DashboardTable(params string[] headers)
    {
        _html.Open("table").Open("thead").Open("tr");
        foreach (var header in headers)
        {
            _html.Element("th", header, ("scope", "col"));
        }

        _html.Close("tr").Close("thead").Open("tbody");
    }

    public int Rows { get; private set; }

    public DashboardTable Row(params object?[] cells)
    {
        _html.Open("tr");
        foreach (var cell in cells)
        {
            _html.Open("td");
            if (cell is HtmlMarkup markup)
            {
                _html.Append(markup);
            }
            else
            {
                _html.Text(cell?.ToString() ?? "-");
            }

            _html.Close("td");
        }

        _html.Close("tr");
        Rows++;
        return this;
    }

    /// <summary>The table, or <paramref name="empty"/> as a paragraph when it has no rows.</summary>
    public HtmlMarkup Build(string empty) =>
        Rows == 0 ? new HtmlMarkup().Element("p", empty, ("class", "empty")) : new HtmlMarkup().Append(_html).Close("tbody").Close("table");
}
