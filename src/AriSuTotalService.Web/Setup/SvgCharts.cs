using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Charts drawn on the server as SVG: they need no script, print as they show (the A4 reports), and carry their figures
/// as text (a title for screen readers, a tooltip per bar). Horizontal bars, one row per figure; a row may stack a second
/// part (e.g. proactive beside citizen-applied) and the chart may mark a target.
/// </summary>
public static class SvgCharts
{
    /// <summary>One row: its label, the first part and an optional second part stacked after it, and the text shown at its end.</summary>
    public sealed record Bar(string Label, decimal First, decimal Second, string Value);

    /// <summary>The colours of the two parts (the four-type table's "citizen-applied" and "proactive").</summary>
    public const string FirstColour = "#0b4f8a", SecondColour = "#c0392b";

    /// <summary>Korean written as it is (as the pages write it), markup characters escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);


    /// <summary>
    /// The four Total Service types and their total, each as its citizen-applied and proactive parts with the count and
    /// the proactive rate (the dashboard and the monthly report).
    /// </summary>
    public static IHtmlContent FourTypes(string id, Microsoft.Extensions.Localization.IStringLocalizer l,
        IEnumerable<Infrastructure.Reports.TypeFigures> byType, Infrastructure.Reports.TypeFigures total, int rowHeight = 22) =>
        Bars(id, l["4대 시민불편 민원: 시민신청과 선제 (건수 · 선제 처리율)"].Value,
            byType.Where(t => t.TotalService).Append(total)
                .Select(t => new Bar(l[t.Name].Value, t.CitizenApplied, t.Proactive, $"{t.Total:N0} · {(t.ProactiveRate is { } r ? $"{r:0.0}%" : "–")}")).ToList(),
            [l["시민신청"].Value, l["선제"].Value], rowHeight);

    /// <param name="id">The chart's element id.</param>
    /// <param name="title">What the chart shows, for screen readers and as the chart's title.</param>
    /// <param name="legend">The names of the first and (when rows stack) the second part; empty for one-part bars.</param>
    /// <param name="max">The value the full bar stands for (default: the largest row).</param>
    /// <param name="target">A value marked across the rows with its label (e.g. a target).</param>
    /// <param name="width">The drawing's width in its own units: a chart in a narrow column is drawn narrower, so its text stays readable.</param>
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<Bar> bars, IReadOnlyList<string> legend, int rowHeight = 22,
        decimal? max = null, (decimal Value, string Label)? target = null, int width = 640)
    {
        var (labelWidth, valueWidth) = (width * 3 / 10, Math.Min(110, width / 5));
        var barArea = width - labelWidth - valueWidth - 10;
        var enc = Encoder;
        var top = legend.Count > 0 || target is not null ? 20 : 0;
        var height = top + bars.Count * rowHeight + 4;
        var full = max ?? Math.Max(1m, bars.Count == 0 ? 1m : bars.Max(b => b.First + b.Second));
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(decimal value) => labelWidth + (double)(Math.Clamp(value, 0m, full) / full) * barArea;
        var fontSize = Math.Min(12, rowHeight - 8);

        var svg = new StringBuilder();
        svg.Append($"<svg id=\"{enc.Encode(id)}\" class=\"svg-chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{enc.Encode(id)}-title\" ")
            .Append("xmlns=\"http://www.w3.org/2000/svg\" font-family=\"inherit\">")
            .Append($"<title id=\"{enc.Encode(id)}-title\">{enc.Encode(title)}</title>");
        for (var i = 0; i < legend.Count; i++)
        {
            var x = labelWidth + i * 130;
            svg.Append($"<rect x=\"{x}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{(i == 0 ? FirstColour : SecondColour)}\"/>")
                .Append($"<text x=\"{x + 16}\" y=\"14\" font-size=\"11\">{enc.Encode(legend[i])}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * rowHeight;
            var barHeight = rowHeight - 6;
            var textY = N(y + rowHeight / 2.0 + fontSize / 2.0 - 2);
            svg.Append($"<g data-bar=\"{i}\"><title>{enc.Encode($"{b.Label}: {b.Value}")}</title>")
                .Append($"<text x=\"{labelWidth - 6}\" y=\"{textY}\" font-size=\"{fontSize}\" text-anchor=\"end\">{enc.Encode(b.Label)}</text>");
            var end1 = X(b.First);
            svg.Append($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{N(end1 - labelWidth)}\" height=\"{barHeight}\" fill=\"{FirstColour}\"/>");
            var end2 = end1;
            if (b.Second > 0)
            {
                end2 = X(b.First + b.Second);
                svg.Append($"<rect x=\"{N(end1)}\" y=\"{y + 3}\" width=\"{N(end2 - end1)}\" height=\"{barHeight}\" fill=\"{SecondColour}\"/>");
            }
            svg.Append($"<text x=\"{N(end2 + 4)}\" y=\"{textY}\" font-size=\"{fontSize}\">{enc.Encode(b.Value)}</text></g>");
        }
        if (target is { } t)
        {
            var x = N(X(t.Value));
            svg.Append($"<line x1=\"{x}\" y1=\"{top - 2}\" x2=\"{x}\" y2=\"{height - 2}\" stroke=\"#198754\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>")
                .Append($"<text x=\"{x}\" y=\"14\" font-size=\"11\" text-anchor=\"middle\" fill=\"#146c43\">{enc.Encode(t.Label)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
