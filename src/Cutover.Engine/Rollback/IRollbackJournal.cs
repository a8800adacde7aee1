namespace Cutover.Engine.Rollback;

/// <summary>Where a rollback records each step as it happens (the run's journal).</summary>
public interface IRollbackJournal
{
    void RecordStep(CutoverRollbackStep step);
    void RecordResult(CutoverRollbackResult result);
}
