namespace Cutover;

/// <summary>
/// One watch sample of one environment, flat so it reads in <c>Format-Table</c> and exports with
/// <c>Export-Csv</c> as it happens. Every value is nullable (Unknown) with a status; <see cref="Reasons"/>
/// says why each value that is not Pass is what it is.
/// </summary>
public sealed class CutoverMetricSample
{
    public required DateTimeOffset Time { get; init; }

    /// <summary>1 for the first sample of the watch; samples of several environments taken together share it.</summary>
    public required int Sequence { get; init; }

    /// <summary>Time since the watch began.</summary>
    public required TimeSpan Elapsed { get; init; }

    public required CutoverEnvironment Environment { get; init; }

    /// <summary>Requests per second (informational).</summary>
    public double? RequestRate { get; init; }

    /// <summary>Requests in the query window; below Thresholds.MinRequestCount the error ratio is Unknown.</summary>
    public double? RequestCount { get; init; }

    public double? ErrorRatio { get; init; }
    public required HealthStatus ErrorRatioStatus { get; init; }

    public double? P95Ms { get; init; }
    public required HealthStatus P95MsStatus { get; init; }

    public double? CpuRatio { get; init; }
    public required HealthStatus CpuRatioStatus { get; init; }

    public double? MemoryRatio { get; init; }
    public required HealthStatus MemoryRatioStatus { get; init; }

    /// <summary>Messages waiting in the environment's queues (informational).</summary>
    public double? QueueDepth { get; init; }

    /// <summary>Connections to the environment's database.</summary>
    public double? DatabaseConnections { get; init; }
    public required HealthStatus DatabaseStatus { get; init; }

    public double? ReplicationLagSec { get; init; }
    public required HealthStatus ReplicationLagStatus { get; init; }

    /// <summary>The app's health endpoint: Pass for 200 with status ok, Fail for another answer or none.</summary>
    public required HealthStatus Health { get; init; }

    /// <summary>The worst status of this sample: Fail over Unknown over Pass.</summary>
    public required HealthStatus Verdict { get; init; }

    /// <summary>Why each value that is not Pass is what it is, "; "-separated; empty when everything passed.</summary>
    public required string Reasons { get; init; }

    /// <summary>The plan's name.</summary>
    public required string Plan { get; init; }

    public string? RunId { get; init; }

    public override string ToString() => $"{Time:HH:mm:ss} {Environment}: {Verdict}";
}
