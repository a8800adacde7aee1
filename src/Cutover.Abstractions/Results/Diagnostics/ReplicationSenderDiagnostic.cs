namespace Cutover;

/// <summary>The primary's side of replication: its pg_stat_replication rows for the plan's replica.</summary>
public sealed class ReplicationSenderDiagnostic : DiagnosticSection
{
    public IReadOnlyList<ReplicationSender> Senders { get; init; } = [];

    protected override string Summary => Senders.Count == 0
        ? "no replica streams from the primary (pg_stat_replication is empty)"
        : string.Join("; ", Senders);
}
