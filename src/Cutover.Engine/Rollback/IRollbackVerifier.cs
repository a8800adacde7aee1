namespace Cutover.Engine.Rollback;

/// <summary>The checks after traffic is back on green. Each answers a step; none throws for an unhealthy answer.</summary>
public interface IRollbackVerifier
{
    /// <summary>Green's health endpoint answers 200 with status ok and the plan's expected version.</summary>
    Task<RollbackCheck> CheckGreenAsync(CancellationToken cancellationToken);

    /// <summary>Green's error ratio is at or below Thresholds.MaxErrorRatio; Unknown is reported as Unknown.</summary>
    Task<RollbackCheck> CheckErrorRatioAsync(CancellationToken cancellationToken);
}

/// <summary>One verification's outcome and why.</summary>
public sealed record RollbackCheck(string Name, RollbackStepOutcome Outcome, string Detail);
