namespace Cutover;

/// <summary>
/// An environment's metrics before the switch, for relative guards later (for example P95 may not exceed
/// 1.5 × baseline). Every figure is nullable with its Unknown reason.
/// </summary>
public sealed class CutoverBaseline
{
    /// <summary>The plan's name.</summary>
    public required string Plan { get; init; }
    public required CutoverEnvironment Environment { get; init; }
    public required DateTimeOffset CapturedAt { get; init; }

    /// <summary>The range window of the rate and quantile queries, in seconds.</summary>
    public required int WindowSec { get; init; }

    /// <summary>Requests per second.</summary>
    public required BaselineValue RequestRate { get; init; }
    public required BaselineValue ErrorRatio { get; init; }
    public required BaselineValue P50Ms { get; init; }
    public required BaselineValue P95Ms { get; init; }
    public required BaselineValue P99Ms { get; init; }
    public required BaselineValue DatabaseConnections { get; init; }
    public required BaselineValue CacheHitRatio { get; init; }
    public required IReadOnlyList<BaselineQueue> Queues { get; init; }
    public required BaselineValue ReplicationLagSec { get; init; }
    public required BaselineValue CpuRatio { get; init; }
    public required BaselineValue MemoryRatio { get; init; }

    public override string ToString() => $"{Plan} {Environment} baseline at {CapturedAt:u} ({WindowSec}s window)";
}
