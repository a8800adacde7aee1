namespace Cutover;

/// <summary>
/// A rollback trigger that fired. It pipes into <c>Invoke-CutoverRollback</c> by property name
/// (<see cref="Plan"/>, <see cref="Reason"/>, <see cref="RunId"/>).
/// </summary>
public sealed class CutoverTrigger
{
    public required CutoverTriggerKind Name { get; init; }

    /// <summary>The condition that held, e.g. "error ratio > 0.1 for 30s" or "Unknown for 4 consecutive samples".</summary>
    public required string Condition { get; init; }

    /// <summary>The environment judged; null for a trigger not tied to one (a Prometheus alert without an env label).</summary>
    public CutoverEnvironment? Environment { get; init; }

    /// <summary>The values observed while the condition held, oldest first.</summary>
    public required string Observed { get; init; }

    /// <summary>When the condition began to hold (the first breaching or Unknown sample).</summary>
    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset FiredAt { get; init; }

    /// <summary>True when the trigger fired because values could not be read (the error budget ran out).</summary>
    public bool FromUnknown { get; init; }

    /// <summary>One line for people and for the rollback: what fired and what was seen.</summary>
    public required string Reason { get; init; }

    public required CutoverPlan Plan { get; init; }

    public string? RunId { get; init; }

    public override string ToString() => Reason;
}
