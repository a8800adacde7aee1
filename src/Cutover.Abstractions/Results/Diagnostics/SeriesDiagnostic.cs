namespace Cutover;

/// <summary>A recent Prometheus series (query_range) with its first, last, lowest and highest values.</summary>
public sealed class SeriesDiagnostic : DiagnosticSection
{
    /// <summary>The series' unit: "ratio", "ms".</summary>
    public required string Unit { get; init; }
    public IReadOnlyList<MetricPoint> Points { get; init; } = [];
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public TimeSpan? Step { get; init; }

    public double? First => Points.Count == 0 ? null : Points[0].Value;
    public double? Last => Points.Count == 0 ? null : Points[^1].Value;
    public double? Min => Points.Count == 0 ? null : Points.Min(p => p.Value);
    public double? Max => Points.Count == 0 ? null : Points.Max(p => p.Value);

    /// <summary>Last minus first: the trend over the range.</summary>
    public double? Change => Last - First;

    protected override string Summary =>
        $"{Points.Count} point(s), {First:G4} -> {Last:G4} {Unit} (min {Min:G4}, max {Max:G4}, change {Change:+0.####;-0.####;0})";
}
