namespace Cutover.Engine.Diagnostics;

/// <summary>What Get-CutoverDiagnostic reads and how long it waits.</summary>
public sealed class DiagnosticOptions
{
    /// <summary>How far back the Prometheus series go (default 15 minutes).</summary>
    public int RangeSec { get; init; } = 900;

    /// <summary>Each part's own timeout (default 10 s).</summary>
    public int TimeoutSec { get; init; } = 10;

    /// <summary>How many of the slowest statements to list (default 10).</summary>
    public int Top { get; init; } = 10;
}
