namespace Cutover.Engine.Watch.Triggers;

/// <summary>The app crashed or its health endpoint is not ok for Triggers.HealthDownSec.</summary>
public sealed class HealthDownTrigger(TriggersPlan triggers)
    : EnvironmentValueTrigger(TimeSpan.FromSeconds(triggers.HealthDownSec), triggers.ErrorBudget)
{
    public override CutoverTriggerKind Kind => CutoverTriggerKind.HealthDown;
    public override string Condition => $"app down or health not ok for {triggers.HealthDownSec}s";
    protected override JudgedValue Select(WatchObservation observation) => observation.Health;
}
