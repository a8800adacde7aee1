namespace Cutover;

/// <summary>How a runbook step ended.</summary>
public enum StepStatus
{
    Passed,
    Failed,
    Skipped,

    /// <summary>Run under -WhatIf: every read and check ran, nothing was changed.</summary>
    WhatIf,
}

/// <summary>One step of the runbook, as it happened.</summary>
public sealed class CutoverStepResult
{
    public required string RunId { get; init; }
    public required string Plan { get; init; }

    /// <summary>1-based position in the run.</summary>
    public required int Number { get; init; }

    public required string Name { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Finished { get; init; }
    public TimeSpan Duration => Finished - Started;
    public required StepStatus Status { get; init; }

    /// <summary>What the step saw and decided, in a sentence or two.</summary>
    public required string Details { get; init; }

    public override string ToString() => $"{Number}. {Name}: {Status}";
}
