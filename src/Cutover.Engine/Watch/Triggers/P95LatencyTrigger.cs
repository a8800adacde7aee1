namespace Cutover.Engine.Watch.Triggers;

/// <summary>P95 latency above Triggers.P95Ms.Above milliseconds for Triggers.P95Ms.ForSec.</summary>
public sealed class P95LatencyTrigger(TriggersPlan triggers)
    : EnvironmentValueTrigger(TimeSpan.FromSeconds(triggers.P95Ms.ForSec), triggers.ErrorBudget)
{
    public override CutoverTriggerKind Kind => CutoverTriggerKind.P95Latency;
    public override string Condition => $"P95 ms {triggers.P95Ms}";
    protected override JudgedValue Select(WatchObservation observation) => observation.P95Ms;
}
