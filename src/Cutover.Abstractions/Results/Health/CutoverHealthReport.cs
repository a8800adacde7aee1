namespace Cutover;

/// <summary>The summary of a Test-CutoverHealth run: ready only when nothing is Fail or Unknown.</summary>
public sealed class CutoverHealthReport
{
    public required string Plan { get; init; }
    public required IReadOnlyList<CutoverHealthResult> Results { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required TimeSpan Duration { get; init; }

    public bool Ready => Results.Count > 0 && Results.All(r => r.Status is HealthStatus.Pass or HealthStatus.Warn);
    public int Total => Results.Count;
    public int Passed => Results.Count(r => r.Status == HealthStatus.Pass);
    public int Warned => Results.Count(r => r.Status == HealthStatus.Warn);
    public int Failed => Results.Count(r => r.Status == HealthStatus.Fail);
    public int Unknown => Results.Count(r => r.Status == HealthStatus.Unknown);

    public override string ToString() =>
        $"{(Ready ? "Ready" : "Not ready")}: {Passed} passed, {Warned} warned, {Failed} failed, {Unknown} unknown of {Total}";
}
