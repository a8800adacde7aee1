namespace Cutover.Engine.Health.Evaluation;

/// <summary>
/// One row of <c>pg_stat_replication</c> on the primary: state, replay_lag in seconds (null when caught
/// up and idle, or hidden without pg_monitor) and the byte distance from the current WAL position to replay_lsn.
/// </summary>
public sealed record ReplicationRow(string? ApplicationName, string? ClientAddress, string? State, double? ReplayLagSec, double? ReplayLagBytes);

/// <summary>
/// Decides the Replication check from the primary's view, because replica-only measures cannot see WAL
/// that never arrived and <c>now() - pg_last_xact_replay_timestamp()</c> grows while the primary is idle.
/// </summary>
public static class ReplicationEvaluator
{
    public static HealthObservation Evaluate(IReadOnlyList<ReplicationRow> rows, double maxLagSec, string target)
    {
        var expected = $"streaming, lag < {HealthStatuses.Seconds(maxLagSec)}";
        if (rows.Count == 0)
            return new(HealthStatus.Fail, "the replica is not connected: no row in pg_stat_replication on the primary", "no standby", expected, target);
        var verdicts = rows.Select(r => One(r, maxLagSec)).ToList();
        var status = HealthStatuses.Worst(verdicts.Select(v => v.Status));
        var observed = string.Join("; ", verdicts.Select(v => v.Observed));
        var message = string.Join("; ", verdicts.Where(v => v.Status == status).Select(v => v.Message));
        return new(status, message, observed, expected, target);
    }

    /// <summary>
    /// Whether a streaming standby is behind by some bytes but has not reported a replay_lag yet: the moment between two
    /// of its replies, which a reading a little later resolves.
    /// </summary>
    public static bool IsBetweenReplies(IReadOnlyList<ReplicationRow> rows) =>
        rows.Any(r => string.Equals(r.State, "streaming", StringComparison.Ordinal) && r.ReplayLagSec is null && r.ReplayLagBytes > 0);

    private static (HealthStatus Status, string Observed, string Message) One(ReplicationRow row, double maxLagSec)
    {
        var name = row.ApplicationName ?? "standby";
        if (row.State is null)
            return (HealthStatus.Unknown, $"{name}: state hidden", $"{name}: pg_stat_replication columns are hidden from this user (grant pg_monitor)");
        if (!string.Equals(row.State, "streaming", StringComparison.Ordinal))
            return (HealthStatus.Fail, $"{name}: state {row.State}", $"{name} is in state '{row.State}', not streaming");
        if (row.ReplayLagSec is { } lag)
        {
            var observed = $"{name}: replay_lag {HealthStatuses.Seconds(lag)} on the primary, {row.ReplayLagBytes?.ToString("0") ?? "?"} byte(s) behind";
            return lag < maxLagSec
                ? (HealthStatus.Pass, observed, $"{name} streaming, replay_lag {HealthStatuses.Seconds(lag)} (measured on the primary)")
                : (HealthStatus.Fail, observed, $"{name} replay_lag {HealthStatuses.Seconds(lag)} is not below {HealthStatuses.Seconds(maxLagSec)}");
        }
        return row.ReplayLagBytes switch
        {
            0 => (HealthStatus.Pass, $"{name}: replay_lag NULL, 0 bytes behind", $"{name} streaming and caught up (replay_lag NULL with 0 bytes behind the primary's WAL)"),
            { } bytes => (HealthStatus.Unknown, $"{name}: replay_lag NULL, {bytes:0} bytes behind", $"{name} is {bytes:0} bytes behind and reports no replay_lag yet"),
            null => (HealthStatus.Unknown, $"{name}: no replay position", $"{name} reports no replay_lsn yet"),
        };
    }
}
