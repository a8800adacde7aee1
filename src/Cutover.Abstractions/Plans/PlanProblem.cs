namespace Cutover;

public enum PlanProblemSeverity
{
    Error,
    Warning,
}

/// <summary>One thing wrong with a plan: which field, what is wrong, and how to fix it.</summary>
public sealed class PlanProblem
{
    public required string Field { get; init; }
    public required string Problem { get; init; }
    public required string Fix { get; init; }
    public PlanProblemSeverity Severity { get; init; } = PlanProblemSeverity.Error;
    public string? Path { get; init; }

    public override string ToString() => $"{Field}: {Problem} ({Fix})";
}
