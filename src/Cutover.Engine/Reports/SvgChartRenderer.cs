using System.Globalization;
using System.Text;

namespace Cutover.Engine.Reports;

/// <summary>
/// Draws one metric of a run as an inline SVG line chart: axes with ticks and labels, one polyline per
/// environment and stretch of known values (Unknown samples leave gaps, never zeros), stage boundaries as
/// dashed lines labelled with the new split, triggers and rollbacks as red lines.
/// </summary>
public static class SvgChartRenderer
{
    private const double Width = 760, Height = 262, Left = 70, Right = 40, Top = 58, Bottom = 36;
    private const int LabelRows = 3;
    private const double CharWidth = 5.6;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
    private const int XTicks = 6, YTicks = 4;

    public const string BlueColour = "#1f5fbf", GreenColour = "#1e8a3a", RedColour = "#c62828", StageColour = "#6b6b6b";

    public static string Render(ReportChart chart, CutoverReportModel report)
    {
        var from = report.From ?? DateTimeOffset.UnixEpoch;
        var span = Math.Max(1, ((report.To ?? from) - from).TotalSeconds);
        double X(DateTimeOffset t) => Left + (t - from).TotalSeconds / span * PlotWidth;
        var max = chart.Series.SelectMany(s => s.Known).DefaultIfEmpty(0).Max();
        var step = NiceStep(max <= 0 ? 1 : max / YTicks);
        var top = Math.Max(step, Math.Ceiling(max / step) * step);
        double Y(double v) => Top + PlotHeight - v / top * PlotHeight;

        var id = "chart-" + chart.Metric.ToString().ToLowerInvariant();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" data-metric="{chart.Metric}" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-labelledby="{id}-title">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Escape($"{chart.Title} ({chart.Unit}) per environment over time")}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="18" class="chart-title" font-size="14" font-weight="bold">{Escape($"{chart.Title} ({chart.Unit})")}</text>""");
        Legend(svg);

        // Grid and y axis.
        for (var i = 0; i <= YTicks; i++)
        {
            var value = top / YTicks * i;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(Left)}" y1="{F(y)}" x2="{F(Left + PlotWidth)}" y2="{F(y)}" stroke="#e3e3e3"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(Left - 6)}" y="{F(y + 4)}" text-anchor="end" font-size="11" class="tick">{Escape(ReportFormat.Number(value))}</text>""");
        }
        // X axis with time ticks.
        for (var i = 0; i <= XTicks; i++)
        {
            var x = Left + PlotWidth / XTicks * i;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(x)}" y1="{F(Top + PlotHeight)}" x2="{F(x)}" y2="{F(Top + PlotHeight + 5)}" stroke="#333"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x)}" y="{F(Top + PlotHeight + 18)}" text-anchor="middle" font-size="11" class="tick">{Escape(Elapsed(span / XTicks * i, span))}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(Left)}" y1="{F(Top)}" x2="{F(Left)}" y2="{F(Top + PlotHeight)}" stroke="#333"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(Left)}" y1="{F(Top + PlotHeight)}" x2="{F(Left + PlotWidth)}" y2="{F(Top + PlotHeight)}" stroke="#333"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(Left + PlotWidth / 2)}" y="{F(Height - 3)}" text-anchor="middle" font-size="11">{Escape($"time since {ReportFormat.Time(from)}")}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="14" y="{F(Top + PlotHeight / 2)}" text-anchor="middle" font-size="11" transform="rotate(-90 14 {F(Top + PlotHeight / 2)})">{Escape(chart.Unit)}</text>""");

        var rowEnds = new double[LabelRows];
        foreach (var change in report.WeightChanges)
            Marker(svg, X(change.Time), change.Split, StageColour, "stage-marker", dashed: true, rowEnds);
        foreach (var trigger in report.Triggers)
            Marker(svg, X(trigger.Time), "trigger: " + trigger.Name, RedColour, "trigger-marker", dashed: false, rowEnds);
        foreach (var rollback in report.Rollbacks)
            Marker(svg, X(rollback.Time), "rollback: " + (rollback.Status.Length > 0 ? rollback.Status : rollback.Name), RedColour, "rollback-marker", dashed: false, rowEnds);

        foreach (var series in chart.Series)
            Series(svg, series, X, Y);

        if (!chart.Series.Any(s => s.Known.Any()))
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(Left + PlotWidth / 2)}" y="{F(Top + PlotHeight / 2)}" text-anchor="middle" font-size="13" fill="#777" class="no-data">{Escape(chart.Series.Any(s => s.Points.Count > 0) ? "every sample Unknown" : "no samples in the journal")}</text>""");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One polyline per stretch of known values; a known value alone between gaps is a dot.</summary>
    private static void Series(StringBuilder svg, ReportSeries series, Func<DateTimeOffset, double> x, Func<double, double> y)
    {
        var colour = Colour(series.Environment);
        var name = series.Environment.ToString();
        var stretch = new List<ReportPoint>();
        foreach (var point in series.Points.Append(new ReportPoint(DateTimeOffset.MaxValue, null)))
        {
            if (point.Value is not null)
            {
                stretch.Add(point);
                continue;
            }
            if (stretch.Count == 1)
                svg.Append(CultureInfo.InvariantCulture, $"""<circle class="series-point" data-environment="{name}" cx="{F(x(stretch[0].Time))}" cy="{F(y(stretch[0].Value!.Value))}" r="3" fill="{colour}"/>""");
            else if (stretch.Count > 1)
                svg.Append(CultureInfo.InvariantCulture, $"""<polyline class="series" data-environment="{name}" fill="none" stroke="{colour}" stroke-width="2" points="{string.Join(" ", stretch.Select(p => $"{F(x(p.Time))},{F(y(p.Value!.Value))}"))}"/>""");
            stretch.Clear();
        }
    }

    /// <summary>A vertical line with its label in the first row above the plot where it does not overlap the previous one.</summary>
    private static void Marker(StringBuilder svg, double x, string label, string colour, string cssClass, bool dashed, double[] rowEnds)
    {
        var dash = dashed ? " stroke-dasharray=\"5 4\"" : "";
        var width = label.Length * CharWidth;
        var labelX = Math.Min(x + 3, Width - width - 2);
        var row = Array.FindIndex(rowEnds, end => end < labelX);
        if (row < 0)
            row = Array.IndexOf(rowEnds, rowEnds.Min());
        rowEnds[row] = labelX + width + 6;
        var labelY = Top - 4 - row * 11;
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="{cssClass}"><line x1="{F(x)}" y1="{F(Top)}" x2="{F(x)}" y2="{F(Top + PlotHeight)}" stroke="{colour}" stroke-width="1.5"{dash}/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(labelX)}" y="{F(labelY)}" font-size="10" fill="{colour}">{Escape(label)}</text></g>""");
    }

    private static void Legend(StringBuilder svg)
    {
        var x = Left + PlotWidth - 130;
        foreach (var env in new[] { CutoverEnvironment.Blue, CutoverEnvironment.Green })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(x)}" y1="14" x2="{F(x + 18)}" y2="14" stroke="{Colour(env)}" stroke-width="3"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x + 22)}" y="18" font-size="12">{env}</text>""");
            x += 70;
        }
    }

    /// <summary>A tick's time since the start: seconds for short runs, m:ss or h:mm:ss for longer ones.</summary>
    private static string Elapsed(double seconds, double span) =>
        span < 60 ? "+" + seconds.ToString(span < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + "s"
        : span < 3600 ? $"+{(int)(seconds / 60)}:{(int)(seconds % 60):00}"
        : $"+{(int)(seconds / 3600)}:{(int)(seconds % 3600 / 60):00}:{(int)(seconds % 60):00}";

    public static string Colour(CutoverEnvironment environment) => environment == CutoverEnvironment.Blue ? BlueColour : GreenColour;

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
