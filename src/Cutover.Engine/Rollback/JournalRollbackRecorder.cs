using Cutover.Engine.Journal;

namespace Cutover.Engine.Rollback;

/// <summary>Writes each rollback step and the result into the run's journal.</summary>
public sealed class JournalRollbackRecorder(JournalWriter writer) : IRollbackJournal, IDisposable
{
    public void RecordStep(CutoverRollbackStep step) =>
        writer.Append(JournalEntryKind.Rollback, step.Name, step.Outcome.ToString(), step.Detail,
            new Dictionary<string, object?> { ["DurationMs"] = Math.Round(step.Duration.TotalMilliseconds, 1) });

    public void RecordResult(CutoverRollbackResult result) =>
        writer.Append(JournalEntryKind.Rollback, "RollbackResult", result.Success ? "Verified" : "NotVerified", result.Reason,
            new Dictionary<string, object?>
            {
                ["NoOp"] = result.NoOp,
                ["Blue"] = result.Traffic?.Blue,
                ["Green"] = result.Traffic?.Green,
                ["TimeToTrafficVerifiedMs"] = result.TimeToTrafficVerified is { } t ? Math.Round(t.TotalMilliseconds, 1) : null,
                ["DurationMs"] = Math.Round(result.Duration.TotalMilliseconds, 1),
            });

    public void Dispose() => writer.Dispose();
}
