namespace Cutover;

/// <summary>One walsender on the primary.</summary>
public sealed class ReplicationSender
{
    public string? ApplicationName { get; init; }
    public string? ClientAddress { get; init; }
    public string? State { get; init; }

    /// <summary>replay_lag in seconds; null when the replica reports none (for example when idle and caught up).</summary>
    public double? ReplayLagSec { get; init; }

    /// <summary>Bytes of WAL between the primary's current position and the replica's replay position.</summary>
    public double? ReplayLagBytes { get; init; }

    public override string ToString() =>
        $"{ApplicationName ?? "?"} {ClientAddress ?? "local"} {State ?? "?"}, replay lag {(ReplayLagSec is { } s ? $"{s:0.###} s" : "none reported")}, {ReplayLagBytes?.ToString("0") ?? "?"} byte(s) behind";
}
