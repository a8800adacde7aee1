namespace Cutover;

/// <summary>
/// The procedure's "Common Issues &amp; Solutions" investigation of one environment in one object: database connections
/// and slow statements, replication on both sides, queues, cache, and the app's recent error ratio, P95 latency and
/// memory. Each part is read concurrently and is Unknown with the reason when it cannot be read.
/// </summary>
public sealed class CutoverDiagnostic
{
    /// <summary>The plan's name.</summary>
    public required string Plan { get; init; }
    public required CutoverEnvironment Environment { get; init; }
    public required DateTimeOffset CapturedAt { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>The range of the Prometheus series, in seconds back from <see cref="CapturedAt"/>.</summary>
    public required int RangeSec { get; init; }

    public required ConnectionsDiagnostic Connections { get; init; }
    public required SlowStatementsDiagnostic SlowStatements { get; init; }
    public required ReplicationSenderDiagnostic ReplicationPrimary { get; init; }
    public required ReplicaDiagnostic ReplicationReplica { get; init; }
    public required IReadOnlyList<QueueDiagnostic> Queues { get; init; }
    public required CacheDiagnostic Cache { get; init; }
    public required SeriesDiagnostic ErrorRatio { get; init; }
    public required SeriesDiagnostic P95Ms { get; init; }
    public required SeriesDiagnostic MemoryRatio { get; init; }

    /// <summary>Every part, in the order above.</summary>
    public IReadOnlyList<DiagnosticSection> Sections =>
        [Connections, SlowStatements, ReplicationPrimary, ReplicationReplica, .. Queues, Cache, ErrorRatio, P95Ms, MemoryRatio];

    /// <summary>How many parts could not be read.</summary>
    public int UnknownCount => Sections.Count(s => !s.IsKnown);

    public override string ToString() => $"{Plan} {Environment} diagnostic at {CapturedAt:u} ({UnknownCount} unknown part(s))";
}
