namespace Cutover.Engine.Watch;

/// <summary>One environment's judged values at one sample.</summary>
public sealed record WatchObservation
{
    public required CutoverEnvironment Environment { get; init; }
    public required JudgedValue ErrorRatio { get; init; }
    public required JudgedValue P95Ms { get; init; }
    public required JudgedValue CpuRatio { get; init; }
    public required JudgedValue MemoryRatio { get; init; }
    public required JudgedValue Database { get; init; }
    public required JudgedValue Health { get; init; }
    public required JudgedValue ReplicationLagSec { get; init; }
}

/// <summary>Everything judged at one sample time: each watched environment and the alerts.</summary>
public sealed record WatchTick(DateTimeOffset Time, IReadOnlyList<WatchObservation> Environments, AlertReading Alerts);
