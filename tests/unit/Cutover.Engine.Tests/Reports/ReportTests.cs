using System.Xml.Linq;
using Cutover.Engine.Reports;
using Cutover.Engine.Tests.Plans;

namespace Cutover.Engine.Tests.Reports;

public sealed class ReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private const string RunId = "20261128T100000Z-abc123";
    private readonly CutoverPlan _plan = PlanTrees.Read(PlanTrees.Valid()).Plan!;
    private readonly List<CutoverJournalEntry> _entries = [];

    private void Add(int second, JournalEntryKind kind, string name, string? status = null, string? message = null,
        Dictionary<string, object?>? data = null) =>
        _entries.Add(new CutoverJournalEntry
        {
            RunId = RunId, Sequence = _entries.Count + 1, Time = Start.AddSeconds(second), Kind = kind, Name = name, Status = status,
            Message = message, Data = data ?? new Dictionary<string, object?>(), Plan = _plan.Name,
        });

    private void Sample(int second, string environment, double? errorRatio, double? p95, double? rate) =>
        Add(second, JournalEntryKind.Sample, environment, "Pass", null, new Dictionary<string, object?>
        {
            ["Environment"] = environment, ["ErrorRatio"] = errorRatio, ["P95Ms"] = p95, ["RequestRate"] = rate,
        });

    private void TypicalRun()
    {
        Add(0, JournalEntryKind.RunStarted, "Run", "Started");
        Add(1, JournalEntryKind.Step, "Pre-flight", "Started");
        Add(9, JournalEntryKind.Step, "Pre-flight", "Passed", "all checks pass");
        Add(10, JournalEntryKind.WeightChange, "Stage 1", "Verified", "blue 0% -> 10%", new() { ["Blue"] = 10L, ["Green"] = 90L });
        for (var s = 10; s <= 40; s += 5)
        {
            Sample(s, "Blue", 0.001, 120, 40);
            Sample(s, "Green", 0.0005, 100, 360);
        }
        Add(40, JournalEntryKind.WeightChange, "Stage 2", "Verified", "blue 10% -> 50%", new() { ["Blue"] = 50L, ["Green"] = 50L });
        Add(60, JournalEntryKind.RunEnded, "Run", "Completed");
    }

    private CutoverReportModel Model() => new ReportBuilder(new SecretRedactor()).Build(_plan, RunId, _entries);

    private string Html(SecretRedactor? redactor = null) => HtmlReportRenderer.Render(new ReportBuilder(redactor ?? new SecretRedactor()).Build(_plan, RunId, _entries));

    private static XElement Chart(string html, ReportMetric metric)
    {
        var start = html.IndexOf($"data-metric=\"{metric}\"", StringComparison.Ordinal);
        start = html.LastIndexOf("<svg", start, StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(html[start..end]);
    }

    private static IEnumerable<XElement> Named(XElement svg, string name) => svg.Descendants(XName.Get(name, "http://www.w3.org/2000/svg"));

    [Fact]
    public void The_header_tells_plan_run_versions_provider_outcome_and_duration()
    {
        TypicalRun();
        var h = Model().Header;
        Assert.Equal((_plan.Name, RunId, "2.1.0", "2.0.5", "HAProxy", "Completed", TimeSpan.FromSeconds(60)),
            (h.Plan, h.RunId, h.BlueVersion, h.GreenVersion, h.Provider, h.Outcome, h.Duration));
    }

    [Fact]
    public void A_step_is_one_timeline_row_with_its_last_status_and_duration()
    {
        TypicalRun();
        var step = Assert.Single(Model().Steps);
        Assert.Equal(("Pre-flight", "Passed", TimeSpan.FromSeconds(8), "all checks pass"), (step.Name, step.Status, step.Duration, step.Message));
    }

    [Fact]
    public void Each_chart_has_one_polyline_per_environment_in_its_colour()
    {
        TypicalRun();
        var html = Html();
        foreach (var metric in Enum.GetValues<ReportMetric>())
        {
            var lines = Named(Chart(html, metric), "polyline").ToList();
            Assert.Equal(["Blue", "Green"], lines.Select(l => (string)l.Attribute("data-environment")!));
            Assert.Equal([SvgChartRenderer.BlueColour, SvgChartRenderer.GreenColour], lines.Select(l => (string)l.Attribute("stroke")!));
            Assert.All(lines, l => Assert.Equal(7, ((string)l.Attribute("points")!).Split(' ').Length));
        }
    }

    [Fact]
    public void Unknown_samples_are_gaps_never_zero()
    {
        Add(0, JournalEntryKind.RunStarted, "Run");
        Sample(0, "Blue", 0.01, 100, 10);
        Sample(5, "Blue", 0.02, 110, 10);
        Sample(10, "Blue", null, null, null);
        Add(12, JournalEntryKind.Sample, "Blue", "Unknown", null, new() { ["Environment"] = "Blue", ["ErrorRatio"] = "n/a", ["P95Ms"] = double.NaN });
        Sample(15, "Blue", 0.03, 120, 10);
        Sample(20, "Blue", 0.04, 130, 10);
        Add(20, JournalEntryKind.RunEnded, "Run", "Completed");

        var svg = Chart(Html(), ReportMetric.ErrorRatio);
        var lines = Named(svg, "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(2, ((string)l.Attribute("points")!).Split(' ').Length));
        var series = Model().Charts.Single(c => c.Metric == ReportMetric.P95Ms).Series.Single(s => s.Environment == CutoverEnvironment.Blue);
        Assert.Equal([100.0, 110, null, null, 120, 130], series.Points.Select(p => p.Value));
        // The y of zero is the x axis; no point of a line lies on it.
        var axisY = Named(svg, "line").Select(l => (string)l.Attribute("y1")!).Max(y => double.Parse(y, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(lines.SelectMany(l => ((string)l.Attribute("points")!).Split(' ')), p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) >= axisY);
    }

    [Fact]
    public void A_known_value_alone_between_gaps_is_a_dot()
    {
        Sample(0, "Green", null, 1, 1);
        Sample(5, "Green", 0.5, 1, 1);
        Sample(10, "Green", null, 1, 1);
        var svg = Chart(Html(), ReportMetric.ErrorRatio);
        Assert.Empty(Named(svg, "polyline"));
        Assert.Equal("Green", (string)Assert.Single(Named(svg, "circle")).Attribute("data-environment")!);
    }

    [Fact]
    public void Stage_boundaries_are_dashed_lines_labelled_with_the_new_split()
    {
        TypicalRun();
        var svg = Chart(Html(), ReportMetric.P95Ms);
        var stages = svg.Elements().Where(e => (string?)e.Attribute("class") == "stage-marker").ToList();
        Assert.Equal(["blue 10% / green 90%", "blue 50% / green 50%"], stages.Select(g => g.Value));
        Assert.All(stages, g => Assert.NotNull(Named(g, "line").Single().Attribute("stroke-dasharray")));
    }

    [Fact]
    public void Triggers_and_rollback_are_red_lines_with_labels()
    {
        TypicalRun();
        Add(45, JournalEntryKind.Trigger, "ErrorRatio", "Fired", "error ratio 0.2 > 0.1",
            new() { ["Name"] = "ErrorRatio", ["Condition"] = "error ratio > 0.1 for 30s", ["Environment"] = "Blue" });
        Add(47, JournalEntryKind.Rollback, "Rollback", "Verified", "all traffic on green in 3s");
        var model = Model();
        var svg = Chart(HtmlReportRenderer.Render(model), ReportMetric.ErrorRatio);
        var trigger = svg.Elements().Single(e => (string?)e.Attribute("class") == "trigger-marker");
        var rollback = svg.Elements().Single(e => (string?)e.Attribute("class") == "rollback-marker");
        Assert.Equal("trigger: ErrorRatio", trigger.Value);
        Assert.Equal("rollback: Verified", rollback.Value);
        Assert.All([trigger, rollback], g => Assert.Equal(SvgChartRenderer.RedColour, (string)Named(g, "line").Single().Attribute("stroke")!));
        Assert.Equal("condition: error ratio > 0.1 for 30s; environment: Blue", Assert.Single(model.Triggers).Detail);
    }

    [Fact]
    public void Every_text_is_escaped()
    {
        Add(0, JournalEntryKind.RunStarted, "Run");
        Add(1, JournalEntryKind.Step, "<script>alert(1)</script>", "Passed", "a & b \"quoted\" | piped\nnext line");
        Add(2, JournalEntryKind.WeightChange, "<b>stage</b>", "Verified", null, new() { ["Blue"] = 50L, ["Green"] = 50L });
        var html = Html();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>stage", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("a &amp; b &quot;quoted&quot;", html);
        Assert.Contains("&lt;b&gt;stage&lt;/b&gt;", html);

        var md = MarkdownReportRenderer.Render(Model());
        Assert.DoesNotContain("<script>", md);
        Assert.Contains("\\| piped next line", md);
    }

    [Fact]
    public void Secrets_are_redacted_before_escaping()
    {
        var redactor = new SecretRedactor();
        redactor.Register("s3cr<t&pw");
        Add(0, JournalEntryKind.RunStarted, "Run");
        Add(1, JournalEntryKind.Notification, "Slack", "Sent", "posted with s3cr<t&pw", new() { ["Token"] = "s3cr<t&pw" });
        Add(2, JournalEntryKind.Step, "Connect s3cr<t&pw", "Failed", "password s3cr<t&pw refused");
        var model = new ReportBuilder(redactor).Build(_plan, RunId, _entries);
        foreach (var text in new[] { HtmlReportRenderer.Render(model), MarkdownReportRenderer.Render(model) })
        {
            Assert.DoesNotContain("s3cr", text);
            Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode("s3cr<t&pw"), text);
            Assert.Contains("***", text);
        }
    }

    [Fact]
    public void An_empty_run_still_reports_with_unknown_outcome_and_no_lines()
    {
        var model = Model();
        Assert.StartsWith("Unknown", model.Header.Outcome);
        Assert.Null(model.Header.Duration);
        var html = HtmlReportRenderer.Render(model);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(3, html.Split("<svg").Length - 1);
        Assert.DoesNotContain("<polyline", html);
        Assert.Contains("no samples in the journal", html);
        Assert.Contains("None recorded.", MarkdownReportRenderer.Render(model));
    }

    [Fact]
    public void The_page_fetches_nothing()
    {
        TypicalRun();
        var html = Html();
        Assert.All(["<script", "<link", "src=", "href=", "url(", "@import"], fetch => Assert.DoesNotContain(fetch, html));
    }

    [Fact]
    public void Markdown_summarises_each_series_with_min_max_last_and_unknowns()
    {
        TypicalRun();
        Sample(45, "Blue", null, 150, 42);
        var md = MarkdownReportRenderer.Render(Model());
        Assert.Contains("| Error ratio (ratio) | Blue | 8 | 1 | 0.001 | 0.001 | Unknown |", md);
        Assert.Contains("| P95 latency (ms) | Green | 7 | 0 | 100 | 100 | 100 |", md);
        Assert.Contains("| Time | Stage | Split | Status | Message |", md);
        Assert.Contains("blue 50% / green 50%", md);
    }
}
