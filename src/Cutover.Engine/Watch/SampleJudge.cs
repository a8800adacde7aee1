using System.Globalization;

namespace Cutover.Engine.Watch;

/// <summary>
/// Judges one environment's readings against the plan's triggers: a value above its trigger threshold is
/// Fail, a value that could not be read is Unknown (never Pass), and the error ratio is Unknown while
/// fewer than Thresholds.MinRequestCount requests were seen in the window.
/// </summary>
public static class SampleJudge
{
    public static WatchObservation Judge(CutoverPlan plan, EnvironmentReading reading)
    {
        var triggers = plan.Triggers;
        return new WatchObservation
        {
            Environment = reading.Environment,
            ErrorRatio = ErrorRatio(plan, reading),
            P95Ms = Above(reading.P95Ms, triggers.P95Ms.Above, "P95 ms"),
            CpuRatio = Above(reading.CpuRatio, triggers.CpuRatio.Above, "CPU ratio"),
            MemoryRatio = Above(reading.MemoryRatio, triggers.MemoryRatio.Above, "memory ratio"),
            Database = reading.Database,
            Health = reading.Health,
            ReplicationLagSec = Above(reading.ReplicationLagSec, plan.Thresholds.MaxReplicationLagSec, "replication lag s"),
        };
    }

    public static CutoverMetricSample ToSample(CutoverPlan plan, string? runId, int sequence, DateTimeOffset time, TimeSpan elapsed,
        EnvironmentReading reading, WatchObservation observation)
    {
        var judged = new (string Name, JudgedValue Value)[]
        {
            ("ErrorRatio", observation.ErrorRatio), ("P95Ms", observation.P95Ms), ("CpuRatio", observation.CpuRatio),
            ("MemoryRatio", observation.MemoryRatio), ("Database", observation.Database), ("Health", observation.Health),
            ("ReplicationLag", observation.ReplicationLagSec),
        };
        return new CutoverMetricSample
        {
            Time = time,
            Sequence = sequence,
            Elapsed = elapsed,
            Environment = reading.Environment,
            RequestRate = reading.RequestRate.Value,
            RequestCount = reading.RequestCount.Value,
            ErrorRatio = observation.ErrorRatio.Value,
            ErrorRatioStatus = observation.ErrorRatio.Status,
            P95Ms = observation.P95Ms.Value,
            P95MsStatus = observation.P95Ms.Status,
            CpuRatio = observation.CpuRatio.Value,
            CpuRatioStatus = observation.CpuRatio.Status,
            MemoryRatio = observation.MemoryRatio.Value,
            MemoryRatioStatus = observation.MemoryRatio.Status,
            QueueDepth = reading.QueueDepth.Value,
            DatabaseConnections = observation.Database.Value,
            DatabaseStatus = observation.Database.Status,
            ReplicationLagSec = observation.ReplicationLagSec.Value,
            ReplicationLagStatus = observation.ReplicationLagSec.Status,
            Health = observation.Health.Status,
            Verdict = Worst(judged.Select(j => j.Value.Status)),
            Reasons = string.Join("; ", judged.Where(j => j.Value.Status != HealthStatus.Pass).Select(j => $"{j.Name}: {j.Value.Reason}")),
            Plan = plan.Name,
            RunId = runId,
        };
    }

    /// <summary>Fail over Unknown over Warn over Pass.</summary>
    public static HealthStatus Worst(IEnumerable<HealthStatus> statuses) =>
        statuses.Aggregate(HealthStatus.Pass, (worst, s) => Rank(s) > Rank(worst) ? s : worst);

    private static int Rank(HealthStatus status) => status switch
    {
        HealthStatus.Fail => 3,
        HealthStatus.Unknown => 2,
        HealthStatus.Warn => 1,
        _ => 0,
    };

    private static JudgedValue ErrorRatio(CutoverPlan plan, EnvironmentReading reading)
    {
        var min = plan.Thresholds.MinRequestCount;
        if (reading.RequestCount.Value is not { } count)
            return JudgedValue.Unknown($"request count unreadable: {reading.RequestCount.UnknownReason}");
        if (count < min)
            return new JudgedValue(reading.ErrorRatio.Value, HealthStatus.Unknown,
                $"only {F(count)} request(s) in the window, fewer than MinRequestCount {min}: too few to judge a ratio");
        return Above(reading.ErrorRatio, plan.Triggers.ErrorRatio.Above, "error ratio");
    }

    private static JudgedValue Above(MetricSample sample, double limit, string what)
    {
        if (sample.Value is not { } value)
            return JudgedValue.Unknown($"{what} unreadable: {sample.UnknownReason}");
        return value > limit
            ? new JudgedValue(value, HealthStatus.Fail, $"{what} {F(value)} > {F(limit)}")
            : new JudgedValue(value, HealthStatus.Pass, $"{what} {F(value)} <= {F(limit)}");
    }

    internal static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
