namespace Cutover.Engine.Watch;

/// <summary>The raw readings of one environment at one instant, before judgement.</summary>
public sealed record EnvironmentReading
{
    public required CutoverEnvironment Environment { get; init; }
    public required MetricSample RequestRate { get; init; }
    public required MetricSample RequestCount { get; init; }
    public required MetricSample ErrorRatio { get; init; }
    public required MetricSample P95Ms { get; init; }
    public required MetricSample CpuRatio { get; init; }
    public required MetricSample MemoryRatio { get; init; }
    public required MetricSample QueueDepth { get; init; }

    /// <summary>The app's health endpoint: Pass (200, status ok), Fail (another answer, none) with why.</summary>
    public required JudgedValue Health { get; init; }

    /// <summary>Pass with the connection count, Fail when the database cannot be reached, Unknown when not configured or not judgeable.</summary>
    public required JudgedValue Database { get; init; }

    /// <summary>Replication lag in seconds as measured on the primary; Unknown without a replica or a reading.</summary>
    public required MetricSample ReplicationLagSec { get; init; }
}
