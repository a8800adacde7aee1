namespace Cutover.Engine.Watch.Triggers;

/// <summary>The environment's database unreachable for Triggers.DatabaseUnreachableSec.</summary>
public sealed class DatabaseUnreachableTrigger(TriggersPlan triggers)
    : EnvironmentValueTrigger(TimeSpan.FromSeconds(triggers.DatabaseUnreachableSec), triggers.ErrorBudget)
{
    public override CutoverTriggerKind Kind => CutoverTriggerKind.DatabaseUnreachable;
    public override string Condition => $"database unreachable for {triggers.DatabaseUnreachableSec}s";
    protected override JudgedValue Select(WatchObservation observation) => observation.Database;
}
