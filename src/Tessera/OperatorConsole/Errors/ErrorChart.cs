// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors.Occurrences;
using Tessera.Ui;

namespace Tessera.OperatorConsole.Errors;

/// <summary>
/// A bar chart of occurrences per bucket as inline SVG: no script, no style attribute (the pages' CSP allows neither),
/// only SVG's presentation attributes. Each bar's <c>title</c> names its bucket's start and count (a tooltip).
/// </summary>
internal static class ErrorChart
{
    private const int Width = 720;
    private const int Height = 140;
    private const int Top = 16;
    private const int Bottom = 20;

    public static HtmlMarkup Render(long[] series, DashboardWindow window, DateTimeOffset now, string label)
    {
        var max = Math.Max(1, series.Length == 0 ? 1 : series.Max());
        var start = now - window.Length;
        var slot = (double)Width / Math.Max(1, series.Length);
        var plot = Height - Top - Bottom;
        var svg = new HtmlMarkup().Open("svg",
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {Width} {Height}"), ("width", "100%"), ("role", "img"),
            ("aria-label", label), ("class", "error-chart"));
        svg.Element("title", label);
        svg.Open("line", ("x1", "0"), ("y1", N(Height - Bottom)), ("x2", N(Width)), ("y2", N(Height - Bottom)), ("stroke", "#8a9099")).Close("line");
        for (var i = 0; i < series.Length; i++)
        {
            var height = series[i] == 0 ? 0 : Math.Max(1, plot * series[i] / (double)max);
            var from = start + (window.BucketLength * i);
            svg.Open("rect",
                    ("x", N((i * slot) + 1)), ("y", N(Height - Bottom - height)), ("width", N(Math.Max(1, slot - 2))), ("height", N(height)),
                    ("fill", "#0b4fa8"), ("data-count", series[i].ToString(CultureInfo.InvariantCulture)))
                .Element("title", $"{ConsolePage.Time(from)}: {series[i].ToString(CultureInfo.InvariantCulture)}")
                .Close("rect");
        }

        svg.Open("text", ("x", "0"), ("y", "11"), ("font-size", "11"), ("fill", "#3d434b")).Text(max.ToString(CultureInfo.InvariantCulture)).Close("text");
        svg.Open("text", ("x", "0"), ("y", N(Height - 5)), ("font-size", "11"), ("fill", "#3d434b")).Text(ConsolePage.Time(start)).Close("text");
        svg.Open("text", ("x", N(Width)), ("y", N(Height - 5)), ("font-size", "11"), ("fill", "#3d434b"), ("text-anchor", "end")).Text(ConsolePage.Time(now)).Close("text");
        return svg.Close("svg");
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
