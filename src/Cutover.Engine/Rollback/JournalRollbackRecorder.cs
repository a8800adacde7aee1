using Cutover.Engine.Journal;

namespace Cutover.Engine.Rollback;

/// <summary>
/// Writes each rollback step and the result into the run's journal. The journal file is opened at the first
/// step, which the orchestrator records only once it holds the lock, so two rollbacks never write at once.
/// </summary>
public sealed class JournalRollbackRecorder(CutoverPlan plan, string runId, TimeProvider time) : IRollbackJournal, IDisposable
{
    private JournalWriter? _writer;

    private JournalWriter Writer => _writer ??= JournalWriter.Open(plan, runId, time);

    public void RecordStep(CutoverRollbackStep step) =>
        Writer.Append(JournalEntryKind.Rollback, step.Name, step.Outcome.ToString(), step.Detail,
            new Dictionary<string, object?> { ["DurationMs"] = Math.Round(step.Duration.TotalMilliseconds, 1) });

    public void RecordResult(CutoverRollbackResult result) =>
        Writer.Append(JournalEntryKind.Rollback, "RollbackResult", result.Success ? "Verified" : "NotVerified", result.Reason,
            new Dictionary<string, object?>
            {
                ["NoOp"] = result.NoOp,
                ["Blue"] = result.Traffic?.Blue,
                ["Green"] = result.Traffic?.Green,
                ["TimeToTrafficVerifiedMs"] = result.TimeToTrafficVerified is { } t ? Math.Round(t.TotalMilliseconds, 1) : null,
                ["DurationMs"] = Math.Round(result.Duration.TotalMilliseconds, 1),
            });

    public void Dispose() => _writer?.Dispose();
}
