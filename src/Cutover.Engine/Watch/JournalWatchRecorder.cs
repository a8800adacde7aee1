using Cutover.Engine.Journal;

namespace Cutover.Engine.Watch;

/// <summary>Writes each sample and trigger into the run's journal.</summary>
public sealed class JournalWatchRecorder(JournalWriter writer) : IWatchRecorder, IDisposable
{
    public void RecordSample(CutoverMetricSample sample) =>
        writer.Append(JournalEntryKind.Sample, $"{sample.Environment}#{sample.Sequence}", sample.Verdict.ToString(), sample.Reasons,
            new Dictionary<string, object?>
            {
                ["Environment"] = sample.Environment.ToString(),
                ["ErrorRatio"] = sample.ErrorRatio,
                ["P95Ms"] = sample.P95Ms,
                ["CpuRatio"] = sample.CpuRatio,
                ["MemoryRatio"] = sample.MemoryRatio,
                ["RequestCount"] = sample.RequestCount,
                ["DatabaseConnections"] = sample.DatabaseConnections,
                ["ReplicationLagSec"] = sample.ReplicationLagSec,
                ["Health"] = sample.Health.ToString(),
            });

    public void RecordTrigger(CutoverTrigger trigger) =>
        writer.Append(JournalEntryKind.Trigger, trigger.Name.ToString(), "Fired", trigger.Reason,
            new Dictionary<string, object?>
            {
                ["Condition"] = trigger.Condition,
                ["Environment"] = trigger.Environment?.ToString(),
                ["Observed"] = trigger.Observed,
                ["Since"] = trigger.Since.ToString("O"),
                ["FiredAt"] = trigger.FiredAt.ToString("O"),
            });

    public void Dispose() => writer.Dispose();
}
