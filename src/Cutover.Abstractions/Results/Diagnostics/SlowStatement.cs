namespace Cutover;

/// <summary>One normalised statement from pg_stat_statements, with its timings in milliseconds.</summary>
public sealed class SlowStatement
{
    /// <summary>The normalised statement text (literals as $1…; secrets masked).</summary>
    public required string Query { get; init; }
    public required long Calls { get; init; }
    public required double MeanMs { get; init; }
    public required double MaxMs { get; init; }
    public required double TotalMs { get; init; }
    public required long Rows { get; init; }

    public override string ToString() => $"{MeanMs:0.##} ms mean x {Calls}: {Query}";
}
