namespace Cutover;

/// <summary>One step of a rollback.</summary>
public sealed class CutoverRollbackStep
{
    public required string Name { get; init; }
    public required RollbackStepOutcome Outcome { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>What was done or seen, and why the outcome is what it is.</summary>
    public required string Detail { get; init; }

    public override string ToString() => $"{Name}: {Outcome} - {Detail}";
}
