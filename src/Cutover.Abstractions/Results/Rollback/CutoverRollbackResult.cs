namespace Cutover;

/// <summary>What Invoke-CutoverRollback did: each step, the traffic it left, and whether it is verified.</summary>
public sealed class CutoverRollbackResult
{
    /// <summary>The plan's name.</summary>
    public required string Plan { get; init; }

    public required string RunId { get; init; }
    public required string Reason { get; init; }

    /// <summary>True when traffic is verified on green and every verification passed.</summary>
    public required bool Success { get; init; }

    /// <summary>True when traffic already was 100% green: nothing was moved, everything was still verified.</summary>
    public required bool NoOp { get; init; }

    public required IReadOnlyList<CutoverRollbackStep> Steps { get; init; }

    /// <summary>The provider's state read after the rollback; null when it could not be read.</summary>
    public CutoverTrafficState? Traffic { get; init; }

    /// <summary>From the start of the call until traffic was verified on green.</summary>
    public TimeSpan? TimeToTrafficVerified { get; init; }

    public required IReadOnlyList<CutoverNotificationResult> Notifications { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public required TimeSpan Duration { get; init; }

    public override string ToString() =>
        $"{Plan} rollback: {(Success ? "verified" : "NOT verified")}{(NoOp ? " (no-op)" : "")}, {Traffic?.ToString() ?? "traffic unknown"}";
}
