namespace Cutover;

/// <summary>How a rollback step ended. Unknown is never success.</summary>
public enum RollbackStepOutcome
{
    Succeeded,
    Failed,
    Unknown,
    Skipped,
}
