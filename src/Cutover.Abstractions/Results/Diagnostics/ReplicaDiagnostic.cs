namespace Cutover;

/// <summary>The replica's side of replication: recovery state and the WAL it has received and replayed.</summary>
public sealed class ReplicaDiagnostic : DiagnosticSection
{
    public bool? InRecovery { get; init; }
    public string? ReceiveLsn { get; init; }
    public string? ReplayLsn { get; init; }

    /// <summary>Bytes received but not yet replayed.</summary>
    public double? ReceivedNotReplayedBytes { get; init; }

    /// <summary>The commit time of the last replayed transaction (it stops moving while the primary is idle).</summary>
    public DateTimeOffset? LastReplayedTransactionAt { get; init; }

    protected override string Summary => InRecovery == false
        ? "the server is not in recovery: it is not a replica"
        : $"received {ReceiveLsn ?? "none"}, replayed {ReplayLsn ?? "none"}, {ReceivedNotReplayedBytes?.ToString("0") ?? "?"} byte(s) to replay, last replayed transaction {LastReplayedTransactionAt?.ToString("u") ?? "none"}";
}
