namespace Cutover;

/// <summary>What happened in a cutover run, as told to on-call people and customers.</summary>
public enum CutoverNotificationEvent
{
    Started,
    StageCompleted,
    RollbackStarted,
    RollbackCompleted,
    Completed,
    Failed,
}
