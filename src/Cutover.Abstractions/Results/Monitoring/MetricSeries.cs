namespace Cutover;

/// <summary>A range of values of one query; empty with <see cref="UnknownReason"/> when it could not be read.</summary>
public sealed class MetricSeries
{
    public required string Query { get; init; }
    public IReadOnlyList<MetricPoint> Points { get; init; } = [];
    public string? UnknownReason { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required TimeSpan Step { get; init; }

    public bool IsKnown => UnknownReason is null;

    public override string ToString() => IsKnown ? $"{Points.Count} point(s)" : $"Unknown ({UnknownReason})";
}

/// <summary>One point of a series; NaN and infinite values are left out of a series, not stored.</summary>
public sealed record MetricPoint(DateTimeOffset Timestamp, double Value);
