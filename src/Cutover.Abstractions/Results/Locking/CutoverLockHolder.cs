namespace Cutover;

/// <summary>Who holds a cutover lock: enough to find the process and the person behind it.</summary>
public sealed class CutoverLockHolder
{
    /// <summary>The lock's key: the plan's traffic target (<see cref="TrafficPlan.TargetKey"/>).</summary>
    public required string Key { get; init; }

    /// <summary>A random value only this acquisition knows; release and renewal compare it.</summary>
    public required string Token { get; init; }

    public required string Host { get; init; }
    public required int ProcessId { get; init; }
    public DateTimeOffset? ProcessStartTime { get; init; }
    public required string User { get; init; }

    /// <summary>What the holder is doing: "rollback", "traffic shift", "runbook".</summary>
    public required string Operation { get; init; }

    public required DateTimeOffset AcquiredAt { get; init; }

    public override string ToString() =>
        $"{User}@{Host} (pid {ProcessId}) for '{Operation}' since {AcquiredAt.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}";
}
