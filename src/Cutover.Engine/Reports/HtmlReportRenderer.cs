using System.Net;
using System.Text;

namespace Cutover.Engine.Reports;

/// <summary>Lays a report out as one self-contained HTML5 page: inline style and SVG, nothing fetched.</summary>
public static class HtmlReportRenderer
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f4f4f4}dl.header{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
        .outcome-ok{color:#1e8a3a;font-weight:bold}.outcome-bad{color:#c62828;font-weight:bold}.none{color:#777;font-style:italic}
        svg.chart{display:block;margin:1rem 0;max-width:100%;height:auto;font-family:inherit}
        """;

    public static string Render(CutoverReportModel report)
    {
        var h = report.Header;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E($"Cutover report: {h.Plan} run {h.RunId}")).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E($"Cutover report: {h.Plan}")).Append("</h1>\n<dl class=\"header\" id=\"header\">");
        Field(html, "Plan", h.Plan);
        Field(html, "Run id", h.RunId);
        Field(html, "Blue version", h.BlueVersion);
        Field(html, "Green version", h.GreenVersion);
        Field(html, "Traffic provider", h.Provider);
        html.Append("<dt>Outcome</dt><dd class=\"").Append(OutcomeClass(h.Outcome)).Append("\" id=\"outcome\">").Append(E(h.Outcome)).Append("</dd>");
        Field(html, "Started", ReportFormat.Time(h.Started));
        Field(html, "Ended", ReportFormat.Time(h.Ended));
        Field(html, "Duration", ReportFormat.Duration(h.Duration));
        html.Append("</dl>\n");

        html.Append("<h2>Metrics</h2>\n<section id=\"charts\">\n");
        foreach (var chart in report.Charts)
            html.Append(SvgChartRenderer.Render(chart, report)).Append('\n');
        html.Append("</section>\n");

        Table(html, "timeline", "Timeline", ["Time", "Step", "Status", "Duration", "Message"],
            report.Steps.Select(s => new[] { ReportFormat.Time(s.Time), s.Name, s.Status, ReportFormat.Duration(s.Duration), s.Message }));
        Table(html, "weight-changes", "Weight changes", ["Time", "Stage", "Split", "Status", "Message"],
            report.WeightChanges.Select(w => new[] { ReportFormat.Time(w.Time), w.Name, w.Split, w.Status, w.Message }));
        Events(html, "triggers", "Triggers", report.Triggers);
        Events(html, "decisions", "Decisions", report.Decisions);
        Events(html, "notifications", "Notifications", report.Notifications);
        Events(html, "rollback", "Rollback", report.Rollbacks);
        Events(html, "notes", "Notes", report.Notes);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Events(StringBuilder html, string id, string title, IReadOnlyList<ReportEvent> events) =>
        Table(html, id, title, ["Time", "Name", "Status", "Message", "Details"],
            events.Select(e => new[] { ReportFormat.Time(e.Time), e.Name, e.Status, e.Message, e.Detail }));

    private static void Table(StringBuilder html, string id, string title, string[] columns, IEnumerable<string[]> rows)
    {
        html.Append("<h2>").Append(E(title)).Append("</h2>\n<section id=\"").Append(id).Append("\">\n");
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Append("<p class=\"none\">None recorded.</p>\n</section>\n");
            return;
        }
        html.Append("<table>\n<thead><tr>");
        foreach (var column in columns)
            html.Append("<th>").Append(E(column)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in list)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append("<td>").Append(E(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Field(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    private static string OutcomeClass(string outcome) =>
        outcome.Equals("Completed", StringComparison.OrdinalIgnoreCase) ? "outcome-ok" : "outcome-bad";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
