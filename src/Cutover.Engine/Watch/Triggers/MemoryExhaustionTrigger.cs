namespace Cutover.Engine.Watch.Triggers;

/// <summary>Resident memory above Triggers.MemoryRatio.Above of the limit for Triggers.MemoryRatio.ForSec.</summary>
public sealed class MemoryExhaustionTrigger(TriggersPlan triggers)
    : EnvironmentValueTrigger(TimeSpan.FromSeconds(triggers.MemoryRatio.ForSec), triggers.ErrorBudget)
{
    public override CutoverTriggerKind Kind => CutoverTriggerKind.MemoryExhaustion;
    public override string Condition => $"memory ratio {triggers.MemoryRatio}";
    protected override JudgedValue Select(WatchObservation observation) => observation.MemoryRatio;
}
