using System.Text;

namespace Cutover.Engine.Reports;

/// <summary>Lays a report out as Markdown: the same content as the HTML page, the charts as min/max/last per series.</summary>
public static class MarkdownReportRenderer
{
    public static string Render(CutoverReportModel report)
    {
        var h = report.Header;
        var md = new StringBuilder();
        md.Append("# Cutover report: ").Append(Cell(h.Plan)).Append("\n\n");
        Table(md, ["Field", "Value"],
        [
            ["Plan", h.Plan], ["Run id", h.RunId], ["Blue version", h.BlueVersion], ["Green version", h.GreenVersion],
            ["Traffic provider", h.Provider], ["Outcome", h.Outcome], ["Started", ReportFormat.Time(h.Started)],
            ["Ended", ReportFormat.Time(h.Ended)], ["Duration", ReportFormat.Duration(h.Duration)],
        ]);

        md.Append("## Metrics\n\n");
        Table(md, ["Metric", "Environment", "Samples", "Unknown", "Min", "Max", "Last"],
            report.Charts.SelectMany(c => c.Series.Select(s => new[]
            {
                $"{c.Title} ({c.Unit})", s.Environment.ToString(), s.Points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Points.Count(p => p.Value is null).ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Known.Any() ? ReportFormat.Number(s.Known.Min()) : "Unknown",
                s.Known.Any() ? ReportFormat.Number(s.Known.Max()) : "Unknown",
                s.Points.Count == 0 ? "Unknown" : ReportFormat.Number(s.Points[^1].Value),
            })).ToList());

        Section(md, "Timeline", ["Time", "Step", "Status", "Duration", "Message"],
            report.Steps.Select(s => new[] { ReportFormat.Time(s.Time), s.Name, s.Status, ReportFormat.Duration(s.Duration), s.Message }).ToList());
        Section(md, "Weight changes", ["Time", "Stage", "Split", "Status", "Message"],
            report.WeightChanges.Select(w => new[] { ReportFormat.Time(w.Time), w.Name, w.Split, w.Status, w.Message }).ToList());
        Events(md, "Triggers", report.Triggers);
        Events(md, "Decisions", report.Decisions);
        Events(md, "Notifications", report.Notifications);
        Events(md, "Rollback", report.Rollbacks);
        Events(md, "Notes", report.Notes);
        return md.ToString();
    }

    private static void Events(StringBuilder md, string title, IReadOnlyList<ReportEvent> events) =>
        Section(md, title, ["Time", "Name", "Status", "Message", "Details"],
            events.Select(e => new[] { ReportFormat.Time(e.Time), e.Name, e.Status, e.Message, e.Detail }).ToList());

    private static void Section(StringBuilder md, string title, string[] columns, List<string[]> rows)
    {
        md.Append("## ").Append(title).Append("\n\n");
        if (rows.Count == 0)
            md.Append("None recorded.\n\n");
        else
            Table(md, columns, rows);
    }

    private static void Table(StringBuilder md, string[] columns, List<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", columns.Select(Cell)).Append(" |\n|").AppendJoin("|", columns.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        md.Append('\n');
    }

    /// <summary>One table cell: HTML-escaped (Markdown renders raw HTML), pipes escaped, on one line.</summary>
    private static string Cell(string text) =>
        System.Net.WebUtility.HtmlEncode(text).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
