namespace Cutover.Engine.Reports;

/// <summary>What a report shows of one run, every text already redacted; renderers only lay it out.</summary>
public sealed record CutoverReportModel(
    ReportHeader Header,
    IReadOnlyList<ReportStep> Steps,
    IReadOnlyList<ReportWeightChange> WeightChanges,
    IReadOnlyList<ReportEvent> Triggers,
    IReadOnlyList<ReportEvent> Decisions,
    IReadOnlyList<ReportEvent> Notifications,
    IReadOnlyList<ReportEvent> Rollbacks,
    IReadOnlyList<ReportEvent> Notes,
    IReadOnlyList<ReportChart> Charts,
    DateTimeOffset? From,
    DateTimeOffset? To);

public sealed record ReportHeader(string Plan, string RunId, string BlueVersion, string GreenVersion, string Provider,
    string Outcome, DateTimeOffset? Started, DateTimeOffset? Ended, TimeSpan? Duration);

/// <summary>One step of the runbook: its last status, and how long it took when the journal tells.</summary>
public sealed record ReportStep(DateTimeOffset Time, string Name, string Status, TimeSpan? Duration, string Message);

public sealed record ReportWeightChange(DateTimeOffset Time, string Name, double? Blue, double? Green, string Status, string Message)
{
    /// <summary>"blue 50% / green 50%", or what is known of it.</summary>
    public string Split => $"blue {Percent(Blue)} / green {Percent(Green)}";

    private static string Percent(double? value) => value is { } v ? ReportFormat.Number(v) + "%" : "?";
}

/// <summary>A trigger, decision, notification, rollback or note. <see cref="Detail"/> holds kind-specific facts.</summary>
public sealed record ReportEvent(DateTimeOffset Time, string Name, string Status, string Message, string Detail);

public enum ReportMetric
{
    ErrorRatio,
    P95Ms,
    RequestRate,
}

/// <summary>One metric over time, one series per environment.</summary>
public sealed record ReportChart(ReportMetric Metric, string Title, string Unit, IReadOnlyList<ReportSeries> Series);

/// <summary>The points of one environment; a null value is Unknown (a gap).</summary>
public sealed record ReportSeries(CutoverEnvironment Environment, IReadOnlyList<ReportPoint> Points)
{
    public IEnumerable<double> Known => Points.Where(p => p.Value is not null).Select(p => p.Value!.Value);
}

public sealed record ReportPoint(DateTimeOffset Time, double? Value);
